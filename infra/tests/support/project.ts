// Test projects: the repository itself when its generated files exist, otherwise a temporary copy of its schemas run
// through the real generator. Either way the inputs are what `pnpm factline generate` writes, never hand-made.
import { execFileSync } from 'node:child_process';
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAll, writeGeneratedFiles } from '@factline/codegen';
import { defaultProjectRoot, projectPaths } from '@factline/infra';

export const repoRoot = defaultProjectRoot;

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

const builtBundle = path.join(repoRoot, projectPaths.transformerBundle);

/**
 * The transformer bundle turbo builds before these tests (`@factline/transformer-lambda` build). On a checkout where
 * it was never built, the same bundle script builds it from the TypeScript sources into a temporary folder.
 */
async function bundle(): Promise<string> {
  if (await exists(path.join(builtBundle, 'index.mjs'))) return builtBundle;
  const outdir = await mkdtemp(path.join(tmpdir(), 'factline-bundle-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'apps/transformer-lambda/scripts/bundle.mjs'), '--from-source'], { env: { ...process.env, BUNDLE_OUTDIR: outdir }, stdio: 'ignore' });
  return outdir;
}

export const transformerBundleDir = await bundle();

/** Copies schemas/, factline.config.json and generated/ (when present) of a project into a fresh folder. */
export async function copyProject(from = repoRoot): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factline-infra-'));
  await cp(path.join(from, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  await cp(path.join(from, 'factline.config.json'), path.join(dir, 'factline.config.json'));
  if (await exists(path.join(from, 'generated'))) await cp(path.join(from, 'generated'), path.join(dir, 'generated'), { recursive: true });
  return dir;
}

/** Runs the real generator in a project folder, as `pnpm factline generate` does. */
export async function generate(root: string): Promise<void> {
  await writeGeneratedFiles(root, await generateAll(root));
}

let shared: Promise<string> | undefined;

/** Whether a project holds every generated input of the app. */
async function isGenerated(root: string): Promise<boolean> {
  const present = await Promise.all([projectPaths.streamSettings, projectPaths.warehouseState, projectPaths.redshiftMigrations].map((p) => exists(path.join(root, p))));
  return present.every(Boolean);
}

/**
 * A project root with generated files: the repository's own when complete (it is committed), else a copy of its
 * schemas run through the generator (made once per test run).
 */
export function generatedProject(): Promise<string> {
  shared ??= (async () => {
    if (await isGenerated(repoRoot)) return repoRoot;
    const dir = await copyProject();
    await generate(dir);
    return dir;
  })();
  return shared;
}

export async function removeProject(dir: string): Promise<void> {
  if (dir !== repoRoot) await rm(dir, { recursive: true, force: true });
}
