// Reading operation inputs as the Firehose service model constrains them. Wrong JSON types are serialization errors;
// broken constraints are collected into one ValidationException, as AWS reports them.
import { decodeBase64 } from '../base64.js';
import { firehoseLimits, streamNamePattern } from '../constants.js';
import { apiErrors, violation } from './api-error.js';

type Json = Record<string, unknown>;

const streamTypes = ['DatabaseAsSource', 'DirectPut', 'KinesisStreamAsSource', 'MSKAsSource'] as const;

function member<T>(input: Json, name: string, path: string, type: 'string' | 'number' | 'object' | 'array'): T | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (actual !== type || (type === 'number' && !Number.isInteger(value))) throw apiErrors.serialization(`Unexpected ${actual} at '${path}': expected ${type === 'number' ? 'an integer' : `a ${type}`}.`);
  return value as T;
}

function checkStreamName(value: string | undefined, path: string, violations: string[], required: boolean): void {
  if (value === undefined) {
    if (required) violations.push(violation(path, null, 'Member must not be null'));
    return;
  }
  if (value.length < 1) violations.push(violation(path, value, 'Member must have length greater than or equal to 1'));
  if (value.length > firehoseLimits.maxStreamNameLength) violations.push(violation(path, value, `Member must have length less than or equal to ${firehoseLimits.maxStreamNameLength}`));
  if (value.length > 0 && !streamNamePattern.test(value)) violations.push(violation(path, value, 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+'));
}

function checkLimit(value: number | undefined, violations: string[]): void {
  if (value === undefined) return;
  if (value < 1) violations.push(violation('limit', String(value), 'Member must have value greater than or equal to 1'));
  if (value > firehoseLimits.maxListLimit) violations.push(violation('limit', String(value), `Member must have value less than or equal to ${firehoseLimits.maxListLimit}`));
}

function throwIfAny(violations: readonly string[]): void {
  if (violations.length > 0) throw apiErrors.validation(violations);
}

// Reads one record's Data; `path` is the record's path ('record' or 'records.N.member').
function recordData(entry: unknown, path: string, violations: string[]): Buffer {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw apiErrors.serialization(`Unexpected value at '${path}': expected a Record object.`);
  const data = member<string>(entry as Json, 'Data', `${path}.data`, 'string');
  if (data === undefined) {
    violations.push(violation(`${path}.data`, null, 'Member must not be null'));
    return Buffer.alloc(0);
  }
  const bytes = decodeBase64(data);
  if (bytes === undefined) throw apiErrors.serialization(`Base64 encoded value at '${path}.data' is not valid base64.`);
  if (bytes.length > firehoseLimits.maxRecordBytes) {
    violations.push(violation(`${path}.data`, `java.nio.HeapByteBuffer[pos=0 lim=${bytes.length} cap=${bytes.length}]`, `Member must have length less than or equal to ${firehoseLimits.maxRecordBytes}`));
  }
  return bytes;
}

export interface PutRecordInput {
  deliveryStreamName: string;
  data: Buffer;
}

export function readPutRecord(input: Json): PutRecordInput {
  const violations: string[] = [];
  const deliveryStreamName = member<string>(input, 'DeliveryStreamName', 'deliveryStreamName', 'string');
  checkStreamName(deliveryStreamName, 'deliveryStreamName', violations, true);
  const record = member<Json>(input, 'Record', 'record', 'object');
  let data: Buffer = Buffer.alloc(0);
  if (record === undefined) violations.push(violation('record', null, 'Member must not be null'));
  else data = recordData(record, 'record', violations);
  throwIfAny(violations);
  return { deliveryStreamName: deliveryStreamName as string, data };
}

export interface PutRecordBatchInput {
  deliveryStreamName: string;
  records: Buffer[];
}

export function readPutRecordBatch(input: Json): PutRecordBatchInput {
  const violations: string[] = [];
  const deliveryStreamName = member<string>(input, 'DeliveryStreamName', 'deliveryStreamName', 'string');
  checkStreamName(deliveryStreamName, 'deliveryStreamName', violations, true);
  const entries = member<unknown[]>(input, 'Records', 'records', 'array');
  const records: Buffer[] = [];
  if (entries === undefined) {
    violations.push(violation('records', null, 'Member must not be null'));
  } else {
    if (entries.length < 1) violations.push(violation('records', '[]', 'Member must have length greater than or equal to 1'));
    if (entries.length > firehoseLimits.maxRecordsPerBatch) {
      violations.push(violation('records', `[${entries.length} records]`, `Member must have length less than or equal to ${firehoseLimits.maxRecordsPerBatch}`));
    }
    // Coral numbers list members from 1.
    entries.forEach((entry, index) => records.push(recordData(entry, `records.${index + 1}.member`, violations)));
  }
  throwIfAny(violations);
  const total = records.reduce((sum, record) => sum + record.length, 0);
  if (total > firehoseLimits.maxBatchBytes) throw apiErrors.invalidArgument('Records size exceeds 4 MB limit');
  return { deliveryStreamName: deliveryStreamName as string, records };
}

export interface DescribeInput {
  deliveryStreamName: string;
  limit: number | undefined;
  exclusiveStartDestinationId: string | undefined;
}

export function readDescribeDeliveryStream(input: Json): DescribeInput {
  const violations: string[] = [];
  const deliveryStreamName = member<string>(input, 'DeliveryStreamName', 'deliveryStreamName', 'string');
  checkStreamName(deliveryStreamName, 'deliveryStreamName', violations, true);
  const limit = member<number>(input, 'Limit', 'limit', 'number');
  checkLimit(limit, violations);
  const exclusiveStartDestinationId = member<string>(input, 'ExclusiveStartDestinationId', 'exclusiveStartDestinationId', 'string');
  if (exclusiveStartDestinationId !== undefined && !/^[a-zA-Z0-9-]{1,100}$/.test(exclusiveStartDestinationId)) {
    violations.push(violation('exclusiveStartDestinationId', exclusiveStartDestinationId, 'Member must satisfy regular expression pattern: [a-zA-Z0-9-]+'));
  }
  throwIfAny(violations);
  return { deliveryStreamName: deliveryStreamName as string, limit, exclusiveStartDestinationId };
}

export interface ListInput {
  limit: number;
  deliveryStreamType: string | undefined;
  exclusiveStartDeliveryStreamName: string | undefined;
}

export function readListDeliveryStreams(input: Json): ListInput {
  const violations: string[] = [];
  const limit = member<number>(input, 'Limit', 'limit', 'number');
  checkLimit(limit, violations);
  const deliveryStreamType = member<string>(input, 'DeliveryStreamType', 'deliveryStreamType', 'string');
  if (deliveryStreamType !== undefined && !(streamTypes as readonly string[]).includes(deliveryStreamType)) {
    violations.push(violation('deliveryStreamType', deliveryStreamType, `Member must satisfy enum value set: [${streamTypes.join(', ')}]`));
  }
  const exclusiveStartDeliveryStreamName = member<string>(input, 'ExclusiveStartDeliveryStreamName', 'exclusiveStartDeliveryStreamName', 'string');
  checkStreamName(exclusiveStartDeliveryStreamName, 'exclusiveStartDeliveryStreamName', violations, false);
  throwIfAny(violations);
  // The API's documented default page size.
  return { limit: limit ?? 10, deliveryStreamType, exclusiveStartDeliveryStreamName };
}
