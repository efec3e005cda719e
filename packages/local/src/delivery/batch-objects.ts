// The objects one delivered batch produces: the facts object (the Ok data concatenated, no delimiter added, as
// Firehose does), the source backup (the raw records concatenated), the processing-failed JSON lines, and a
// redelivered copy of the facts object when fault injection asks for one.
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { CompressionFormat, StreamSettings } from '@factline/stream-settings';
import type { StoredRecord } from '../wal/frame.js';
import type { DeliveryPlan, PlannedDelivery } from '../wal/plans.js';
import { processingFailedLine } from './error-records.js';
import type { RecordOutcome } from './transformation.js';

const gzipAsync = promisify(gzip);

export interface BatchObjects {
  puts: { kind: 'facts' | 'sourceBackup' | 'processingFailed'; key: string; body: Buffer }[];
  deliveries: PlannedDelivery[];
  counts: { delivered: number; dropped: number; failed: number };
}

// Firehose does not say how hard it compresses; the fastest level makes objects about an eighth larger and takes
// half the time of the default one, and every batch of a stream waits for its compression before it is loaded.
async function compress(body: Buffer, format: CompressionFormat): Promise<Buffer> {
  return format === 'GZIP' ? gzipAsync(body, { level: constants.Z_BEST_SPEED }) : body;
}

export async function buildBatchObjects(plan: DeliveryPlan, records: readonly StoredRecord[], outcomes: readonly RecordOutcome[], stream: StreamSettings, lambdaArn: string): Promise<BatchObjects> {
  const okData: Buffer[] = [];
  const failedLines: string[] = [];
  let dropped = 0;
  outcomes.forEach((outcome, index) => {
    if (outcome.kind === 'ok') okData.push(outcome.data);
    else if (outcome.kind === 'dropped') dropped += 1;
    else failedLines.push(processingFailedLine(records[index] as StoredRecord, outcome.failure, lambdaArn));
  });
  const puts: BatchObjects['puts'] = [];
  const deliveries: PlannedDelivery[] = [];
  // Compressed side by side on the thread pool.
  const [sourceBackup, processingFailed, facts] = await Promise.all([
    compress(Buffer.concat(records.map((record) => record.data)), stream.sourceBackup.compressionFormat),
    failedLines.length > 0 ? compress(Buffer.from(failedLines.join(''), 'utf8'), stream.s3.compressionFormat) : undefined,
    okData.length > 0 ? compress(Buffer.concat(okData), stream.s3.compressionFormat) : undefined,
  ]);
  puts.push({ kind: 'sourceBackup', key: plan.keys.sourceBackup, body: sourceBackup });
  if (processingFailed !== undefined) puts.push({ kind: 'processingFailed', key: plan.keys.processingFailed, body: processingFailed });
  if (facts !== undefined) {
    const factKeys = plan.keys.redelivery === undefined ? [plan.keys.facts] : [plan.keys.facts, plan.keys.redelivery];
    for (const key of factKeys) {
      puts.push({ kind: 'facts', key, body: facts });
      deliveries.push({ key, recordCount: okData.length, compression: stream.s3.compressionFormat, size: facts.length });
    }
  }
  return { puts, deliveries, counts: { delivered: okData.length, dropped, failed: failedLines.length } };
}
