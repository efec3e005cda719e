#!/usr/bin/env node
// `pnpm factline <command>`: runs the CLI from the workspace's TypeScript sources (no build step, never stale).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'packages/cli/src/bin.ts');
const child = spawn(process.execPath, ['--conditions=@factline/source', '--import', import.meta.resolve('tsx'), bin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.env.INIT_CWD ?? process.cwd(),
  // The AWS SDK warns on every run that its releases after January 2027 need Node 22; the README says so once instead.
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=ExperimentalWarning'].filter(Boolean).join(' ') },
});
// A signal sent to this wrapper alone (kill <pid>) reaches the CLI too; Ctrl+C already reaches both.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
