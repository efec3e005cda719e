// Running `factline …` as a separate process, from the TypeScript sources as `pnpm factline` does (but without its
// wrapper process, so that a signal reaches the CLI itself), for what only a process can show: signals, a SIGKILL
// halfway, two processes sharing the data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from './local-project.js';

export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Waits until stdout matches, and returns the match. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

export function startFactline(args: string[]): Child {
  const { INIT_CWD: _initCwd, ...env } = process.env;
  const bin = path.join(repositoryRoot, 'packages/cli/src/bin.ts');
  const child = spawn(process.execPath, ['--conditions=@factline/source', '--import', 'tsx', bin, ...args], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = out.match(pattern);
        if (match !== null) return match;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no output matching ${pattern} (exit ${child.exitCode}); stdout:\n${out}\nstderr:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 60_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
