// Starting the demo service in its own process (see child.ts) and following it: progress, pauses while the local
// Firehose is full, abort, and the summary. From the TypeScript sources (`pnpm demo`) the child runs through tsx too.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SenderControl, SenderMessage, SenderSummary } from './protocol.js';

/**
 * A started sender process, waiting for `start`.
 *
 * @example
 * const sender = await startSenderProcess({ cwd: project.root });
 * const summary = await sender.send({ endpoint, events: 1000, seed: 42, producer: 'demo-service', progressEvery: 1000 }, { onProgress });
 */
export interface SenderProcess {
  send(start: Omit<Extract<SenderControl, { type: 'start' }>, 'type'>, handlers: SenderHandlers): Promise<SenderSummary>;
  /** Ends the process if it is still running. */
  kill(): void;
}

export interface SenderHandlers {
  onProgress?: (sent: number, delivered: number) => void;
  /** Checked every 20 ms while sending: true pauses the sender, false lets it go on. */
  shouldPause?: () => boolean;
  signal?: AbortSignal;
}

const entry = fileURLToPath(new URL(`./child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * Forks the sender process and resolves once it is ready (its modules loaded). Run it while the local stack starts.
 *
 * @example
 * const ready = startSenderProcess({ cwd: project.root }); // in parallel with migrations and the local stack
 */
export function startSenderProcess(options: { cwd: string }): Promise<SenderProcess> {
  // From the sources, the child needs what `pnpm factline` gives this process: the source condition and tsx.
  const execArgv = entry.endsWith('.ts') ? ['--conditions=@factline/source', '--import', 'tsx', '--disable-warning=ExperimentalWarning'] : [];
  const child: ChildProcess = fork(entry, [], { cwd: options.cwd, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`the sender process ended (${signal ?? `exit code ${code}`})`)));
  const control = (message: SenderControl): void => {
    if (child.connected) child.send(message);
  };
  return new Promise<SenderProcess>((resolve, reject) => {
    const onEarlyExit = (reason: string): void => reject(new Error(`${reason} before it was ready`));
    void exited.then(onEarlyExit);
    child.once('error', reject);
    child.once('message', (message: SenderMessage) => {
      if (message.type !== 'ready') return reject(new Error(`the sender process said ${message.type} before it was ready`));
      resolve({
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill();
        },
        send: (start, handlers) =>
          new Promise<SenderSummary>((resolveSend, rejectSend) => {
            let paused = false;
            const ticker = setInterval(() => {
              const pause = handlers.shouldPause?.() ?? false;
              if (pause !== paused) control({ type: pause ? 'pause' : 'resume' });
              paused = pause;
            }, 20);
            const onAbort = (): void => control({ type: 'abort' });
            handlers.signal?.addEventListener('abort', onAbort, { once: true });
            const finish = (): void => {
              clearInterval(ticker);
              handlers.signal?.removeEventListener('abort', onAbort);
            };
            child.on('message', (message: SenderMessage) => {
              if (message.type === 'progress') handlers.onProgress?.(message.sent, message.delivered);
              else if (message.type === 'done') {
                finish();
                resolveSend(message.summary);
              } else if (message.type === 'failed') {
                finish();
                rejectSend(Object.assign(new Error(`the demo service failed: ${message.message}`), { stack: message.stack }));
              }
            });
            void exited.then((reason) => {
              finish();
              rejectSend(new Error(reason));
            });
            control({ type: 'start', ...start });
          }),
      });
    });
  });
}
