// The four Firehose operations the emulator serves, from parsed JSON input to the JSON answer.
import type { StreamSettings } from '@factline/stream-settings';
import type { StreamPipeline } from '../delivery/stream-pipeline.js';
import type { FaultInjector } from '../faults.js';
import type { StoredRecord } from '../wal/frame.js';
import { apiErrors, type ApiError } from './api-error.js';
import { describeDeliveryStream, type DescribeContext } from './describe.js';
import { readDescribeDeliveryStream, readListDeliveryStreams, readPutRecord, readPutRecordBatch } from './input.js';

export interface StreamEntry {
  settings: StreamSettings;
  pipeline: StreamPipeline;
  faults: FaultInjector;
}

/** What the operations need from the emulator. */
export interface ApiBackend {
  streams: ReadonlyMap<string, StreamEntry>;
  describe: DescribeContext;
  nextRecordId(): string;
  now(): number;
}

export interface OperationAnswer {
  body: unknown;
  /** Hold the answer back this long (injected slow response). */
  delayMs: number;
}

export const operationNames = ['PutRecord', 'PutRecordBatch', 'DescribeDeliveryStream', 'ListDeliveryStreams'] as const;
export type OperationName = (typeof operationNames)[number];

function lookup(backend: ApiBackend, name: string): StreamEntry {
  const entry = backend.streams.get(name);
  if (entry === undefined) throw apiErrors.resourceNotFound(name, backend.describe.accountId);
  return entry;
}

async function store(entry: StreamEntry, records: StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  try {
    await entry.pipeline.accept(records);
  } catch (error) {
    // Nothing was acknowledged; the caller retries, as with any 503.
    throw apiErrors.serviceUnavailable(`The records could not be stored: ${(error as Error).message}`);
  }
}

function injectedCallFailure(entry: StreamEntry, records: number): ApiError | undefined {
  if (!entry.faults.failCall()) return undefined;
  entry.pipeline.counters.throttled += records;
  return apiErrors.serviceUnavailable();
}

async function putRecordBatch(input: Record<string, unknown>, backend: ApiBackend): Promise<OperationAnswer> {
  const { deliveryStreamName, records } = readPutRecordBatch(input);
  const entry = lookup(backend, deliveryStreamName);
  const callFailure = injectedCallFailure(entry, records.length);
  if (callFailure !== undefined) throw callFailure;
  const arrival = backend.now();
  const outcomes = records.map((data) => (entry.faults.failRecord() ? undefined : { recordId: backend.nextRecordId(), arrival, data }));
  const accepted = outcomes.filter((outcome): outcome is StoredRecord => outcome !== undefined);
  await store(entry, accepted);
  const failed = outcomes.length - accepted.length;
  entry.pipeline.counters.throttled += failed;
  return {
    body: {
      FailedPutCount: failed,
      Encrypted: false,
      RequestResponses: outcomes.map((outcome) => (outcome === undefined ? { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' } : { RecordId: outcome.recordId })),
    },
    delayMs: entry.faults.responseDelay(),
  };
}

async function putRecord(input: Record<string, unknown>, backend: ApiBackend): Promise<OperationAnswer> {
  const { deliveryStreamName, data } = readPutRecord(input);
  const entry = lookup(backend, deliveryStreamName);
  const callFailure = injectedCallFailure(entry, 1);
  if (callFailure !== undefined) throw callFailure;
  // A single record that would fail inside a batch answer fails the whole PutRecord call.
  if (entry.faults.failRecord()) {
    entry.pipeline.counters.throttled += 1;
    throw apiErrors.serviceUnavailable();
  }
  const record: StoredRecord = { recordId: backend.nextRecordId(), arrival: backend.now(), data };
  await store(entry, [record]);
  return { body: { RecordId: record.recordId, Encrypted: false }, delayMs: entry.faults.responseDelay() };
}

function describe(input: Record<string, unknown>, backend: ApiBackend): OperationAnswer {
  const { deliveryStreamName, limit, exclusiveStartDestinationId } = readDescribeDeliveryStream(input);
  const entry = lookup(backend, deliveryStreamName);
  return { body: describeDeliveryStream(entry.settings, backend.describe, { limit, exclusiveStartDestinationId }), delayMs: 0 };
}

function list(input: Record<string, unknown>, backend: ApiBackend): OperationAnswer {
  const { limit, deliveryStreamType, exclusiveStartDeliveryStreamName } = readListDeliveryStreams(input);
  // Every emulated stream is a Direct PUT stream.
  const names = deliveryStreamType === undefined || deliveryStreamType === 'DirectPut' ? [...backend.streams.keys()].sort() : [];
  const after = exclusiveStartDeliveryStreamName === undefined ? names : names.filter((name) => name > exclusiveStartDeliveryStreamName);
  const page = after.slice(0, limit);
  return { body: { DeliveryStreamNames: page, HasMoreDeliveryStreams: page.length < after.length }, delayMs: 0 };
}

export async function runOperation(operation: OperationName, input: Record<string, unknown>, backend: ApiBackend): Promise<OperationAnswer> {
  switch (operation) {
    case 'PutRecordBatch':
      return putRecordBatch(input, backend);
    case 'PutRecord':
      return putRecord(input, backend);
    case 'DescribeDeliveryStream':
      return describe(input, backend);
    case 'ListDeliveryStreams':
      return list(input, backend);
  }
}
