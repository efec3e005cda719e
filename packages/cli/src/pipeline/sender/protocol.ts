// What the pipeline and the demo service's process say to each other over the IPC channel.

/** How to send, from the pipeline to the sender process. */
export interface SenderStart {
  type: 'start';
  endpoint: string;
  events: number;
  seed: number;
  /** The `producer` name in every envelope. */
  producer: string;
  progressEvery: number;
}

/** From the pipeline: stop sending (`abort`), wait (`pause`, the local Firehose is full), go on (`resume`). */
export type SenderControl = SenderStart | { type: 'abort' } | { type: 'pause' } | { type: 'resume' };

/** What was sent, as plain data. */
export interface SenderSummary {
  sent: number;
  byType: Record<string, number>;
  undelivered: number;
  undeliveredMessage: string | undefined;
  aborted: boolean;
  durationMs: number;
  /** Firehose records the producer made (several events each). */
  recordsSent: number;
  /** The sender process's peak resident memory, MB. */
  peakRssMb: number;
  /** CPU time the sender process used while it sent (all its threads), ms. */
  cpuMs: number;
}

/** From the sender process: ready for `start`, progress, the result, or what went wrong. */
export type SenderMessage =
  | { type: 'ready' }
  | { type: 'progress'; sent: number; delivered: number }
  | { type: 'done'; summary: SenderSummary }
  | { type: 'failed'; message: string; stack: string | undefined };
