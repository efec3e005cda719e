// Firehose transformation events made of sample-domain traffic, as Firehose would invoke the Lambda with them.
import type { FirehoseTransformationEvent } from '@factline/transformer';
import { packRecords, SampleEvents, type eventMix } from './sample-events.js';

/** What to build. */
export interface SampleBatchOptions {
  /** Stop adding records once their decoded bytes reach this. */
  targetBytes: number;
  seed?: number;
  mix?: Partial<typeof eventMix>;
  /** Record size limit of the packer (default 5 KB). */
  maxRecordBytes?: number;
  streamName?: string;
  /** Arrival time of the first record (the others arrive 3 ms apart). */
  arrivalMs?: number;
}

/** A batch and its sizes. */
export interface SampleBatch {
  event: FirehoseTransformationEvent;
  events: number;
  /** Decoded bytes of all records. */
  inputBytes: number;
  /** Bytes of the event as JSON (the Lambda request). */
  requestBytes: number;
}

/**
 * A Firehose transformation event of packed sample events.
 *
 * @example
 * const { event } = sampleBatch({ targetBytes: 3 * 1024 * 1024 });
 */
export function sampleBatch(options: SampleBatchOptions): SampleBatch {
  const generator = new SampleEvents(options.seed ?? 1, undefined, options.mix);
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < options.targetBytes) {
    const line = JSON.stringify(generator.next());
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  const records = packRecords(lines, options.maxRecordBytes);
  const event = firehoseEvent(records, options.streamName ?? 'factline-sample', options.arrivalMs ?? Date.UTC(2026, 4, 1, 10, 0, 1, 234));
  return { event, events: lines.length, inputBytes: records.reduce((sum, r) => sum + r.length, 0), requestBytes: Buffer.byteLength(JSON.stringify(event)) };
}

/**
 * Wraps records in the event Firehose sends (Direct PUT: no Kinesis metadata).
 *
 * @example
 * firehoseEvent([Buffer.from('{"event_id":"…"}\n')], 'factline-booking', Date.now());
 */
export function firehoseEvent(records: readonly Uint8Array[], streamName: string, arrivalMs: number): FirehoseTransformationEvent {
  return {
    invocationId: `invocation-${arrivalMs}`,
    deliveryStreamArn: `arn:aws:firehose:eu-west-1:123456789012:deliverystream/${streamName}`,
    region: 'eu-west-1',
    records: records.map((data, i) => ({
      recordId: `${String(arrivalMs)}${String(i).padStart(6, '0')}000000000000000000000000000000000000000000000000000000`,
      approximateArrivalTimestamp: arrivalMs + i * 3,
      data: Buffer.from(data).toString('base64'),
    })),
  };
}
