import { runCli, type CliIo } from '@factline/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as if from `cwd`. */
export async function runCaptured(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
    isTty: false,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
