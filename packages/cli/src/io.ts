// Where commands write. Injected so that tests capture output and exit codes without spawning processes.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (tables and colours for people, plain text for pipes). */
  isTty: boolean;
  cwd: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: process.stdout.isTTY === true,
  cwd: process.cwd(),
};

/** Thrown by a command to end with a message and an exit code, without a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
    this.name = 'CliExit';
  }
}
