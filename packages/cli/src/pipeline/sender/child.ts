// The demo service as its own process, as a service would be: it sends the seeded scenario to the local Firehose
// through the typed producer, on the other core than the local stack. Driven over IPC by `sender/process.ts`.
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { sendScenario } from '@factline/demo-service';
import { createEventProducer } from '@factline/events';
import type { SenderControl, SenderMessage, SenderStart } from './protocol.js';

const post = (message: SenderMessage, then?: () => void): void => {
  process.send?.(message, undefined, {}, () => then?.());
};

const controller = new AbortController();
let finished = false;
let paused = false;
let resume: (() => void) | undefined;

async function run(start: SenderStart): Promise<void> {
  const firehose = new FirehoseClient({ endpoint: start.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const producer = createEventProducer({ firehose, producer: start.producer });
  const cpuAtStart = process.cpuUsage();
  try {
    const report = await sendScenario({
      producer,
      events: start.events,
      seed: start.seed,
      signal: controller.signal,
      progressEvery: start.progressEvery,
      onProgress: (p) => post({ type: 'progress', sent: p.sent, delivered: p.delivered }),
      pace: () => (paused && !controller.signal.aborted ? new Promise<void>((resolve) => (resume = resolve)) : undefined),
    });
    await producer.close();
    finished = true;
    post({
      type: 'done',
      summary: {
        sent: report.sent,
        byType: report.byType,
        undelivered: report.undelivered,
        undeliveredMessage: report.undeliveredError?.message,
        aborted: report.aborted,
        durationMs: report.durationMs,
        recordsSent: producer.metrics().recordsDelivered,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        cpuMs: cpuMs(process.cpuUsage(cpuAtStart)),
      },
    }, () => process.disconnect());
  } finally {
    firehose.destroy();
  }
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

const wake = (): void => {
  const next = resume;
  resume = undefined;
  next?.();
};

process.on('message', (message: SenderControl) => {
  if (message.type === 'start') {
    run(message).catch((error: unknown) => {
      finished = true;
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }, () => process.disconnect());
    });
  } else if (message.type === 'abort') {
    controller.abort();
    wake();
  } else if (message.type === 'pause') paused = true;
  else {
    paused = false;
    wake();
  }
});
// The pipeline's Ctrl+C reaches this process too (same process group): the pipeline decides, through `abort`.
process.on('SIGINT', () => undefined);
// The channel closes when the pipeline is gone (killed): there is no one left to send for.
process.on('disconnect', () => process.exit(finished ? 0 : 1));
post({ type: 'ready' });
