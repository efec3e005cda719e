// Bundles the Lambda entry into one ESM file with esbuild: dist/bundle/index.mjs (+ its source map), for the
// nodejs22.x runtime. Workspace packages are taken from their built dist/ (run their build first; turbo's `build`
// does); with --from-source they are taken from their TypeScript sources instead (the tests do that, so they need
// no build). Prints the bundle size, and with --meta the largest inputs.
import { mkdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = process.env.BUNDLE_OUTDIR ?? `${root}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/handler.ts'],
  outfile: `${outdir}/index.mjs`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  ...(process.argv.includes('--from-source') ? { conditions: ['@factline/source'] } : {}),
  // Some dependencies are CommonJS; give them a require for Node's built-in modules.
  banner: { js: "import{createRequire as __factlineRequire}from'node:module';const require=__factlineRequire(import.meta.url);" },
});
const { size } = await stat(`${outdir}/index.mjs`);
console.log(`${outdir}/index.mjs: ${size} bytes`);
if (process.argv.includes('--meta')) {
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith('.mjs'))].inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 15);
  for (const [file, { bytesInOutput }] of inputs) console.log(String(bytesInOutput).padStart(8), file);
}
