// Progress bars for long stages, drawn only on a terminal: redrawn in place at most ten times a second, finished with
// a newline. When the output is not a terminal (a pipe, a CI log) they draw nothing at all.

/** Where a bar is drawn: a terminal's stream. */
export interface ProgressSink {
  write(text: string): unknown;
  columns?: number | undefined;
}

/**
 * One bar.
 *
 * @example
 * const bar = progress.bar('Sending', 100_000);
 * bar.update(500, '12 delivered');
 * bar.done();
 */
export interface ProgressBar {
  /** Sets the current value (and the text after the bar). */
  update(value: number, suffix?: string): void;
  /** Draws the final state and moves to the next line. */
  done(suffix?: string): void;
}

const width = 24;
const number = new Intl.NumberFormat('en-US');

/**
 * Bars that draw on `sink` when `enabled` (stdout is a terminal), and do nothing otherwise.
 *
 * @example
 * const progress = createProgress({ enabled: process.stdout.isTTY === true, sink: process.stdout });
 */
export function createProgress(options: { enabled: boolean; sink?: ProgressSink; now?: () => number }): { bar(label: string, total: number | undefined): ProgressBar } {
  const now = options.now ?? (() => performance.now());
  const sink = options.sink;
  return {
    bar(label, total) {
      if (!options.enabled || sink === undefined) return { update: () => undefined, done: () => undefined };
      const started = now();
      let lastDraw = -Infinity;
      let value = 0;
      let suffix = '';
      const draw = (final: boolean): void => {
        const elapsed = (now() - started) / 1000;
        const fraction = total === undefined || total === 0 ? undefined : Math.min(1, value / total);
        const filled = fraction === undefined ? 0 : Math.round(fraction * width);
        const bar = fraction === undefined ? '' : `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% `;
        const rate = elapsed > 0.5 ? `  ${number.format(Math.round(value / elapsed))}/s` : '';
        const counts = total === undefined ? number.format(value) : `${number.format(value)}/${number.format(total)}`;
        let text = `${label.padEnd(12)} ${bar}${counts}${rate}${suffix === '' ? '' : `  ${suffix}`}`;
        const columns = sink.columns ?? 100;
        if (text.length >= columns) text = `${text.slice(0, Math.max(0, columns - 2))}…`;
        sink.write(`\r${text}\u001b[K${final ? '\n' : ''}`);
      };
      return {
        update(next, nextSuffix) {
          value = next;
          if (nextSuffix !== undefined) suffix = nextSuffix;
          if (now() - lastDraw < 100) return;
          lastDraw = now();
          draw(false);
        },
        done(finalSuffix) {
          if (finalSuffix !== undefined) suffix = finalSuffix;
          draw(true);
        },
      };
    },
  };
}
