// Retrying a storage step with growing pauses until it succeeds or the stream stops; stopping wakes the pause.

/** Thrown when the stream stops while a step still fails; the work stays on disk for the next start. */
export class Stopped extends Error {}

export class Retrier {
  private stopped = false;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly initialDelayMs: number,
    private readonly maxDelayMs: number,
    private readonly onFailure: (what: string, error: unknown, delayMs: number) => void,
  ) {}

  /** Runs `step` until it succeeds; `what` names it in failure reports. */
  async run(what: string, step: () => Promise<void>): Promise<void> {
    let delayMs = this.initialDelayMs;
    for (;;) {
      try {
        await step();
        return;
      } catch (error) {
        this.onFailure(what, error, delayMs);
        if (this.stopped) throw new Stopped();
        await this.sleep(delayMs);
        if (this.stopped) throw new Stopped();
        delayMs = Math.min(delayMs * 2, this.maxDelayMs);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    for (const wake of this.sleepers) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
