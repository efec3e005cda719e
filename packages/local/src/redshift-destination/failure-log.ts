// Recording a failed load where a person will find it: a row in `<schema>.factline_load_errors` (when the warehouse
// can be reached) and a JSON line in the error log file, like Firehose's CloudWatch Logs entry.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Warehouse } from '@factline/warehouse';
import type { ClassifiedFailure } from './error-codes.js';
import { previousAttempts, recordFailure, type ObjectRef } from './ledger.js';

export interface FailureRecord {
  /** The warehouse to record it in, when it could be opened. */
  warehouse: Warehouse | undefined;
  schema: string;
  object: ObjectRef;
  failure: ClassifiedFailure;
  /** The attempt number to use when the warehouse cannot say (it keeps the count across restarts). */
  fallbackAttempt: number;
  errorLogFile: string | undefined;
  at: Date;
}

/**
 * Records a failed attempt; returns its attempt number and a note for each place it could not be recorded in.
 *
 * @example
 * const { attempt, notes } = await recordLoadFailure({ warehouse, schema: 'factline', object, failure, fallbackAttempt: 1, errorLogFile, at: new Date() });
 */
export async function recordLoadFailure(record: FailureRecord): Promise<{ attempt: number; notes: string[] }> {
  const { warehouse, schema, object, failure } = record;
  let attempt = record.fallbackAttempt;
  const notes: string[] = [];
  if (warehouse !== undefined) {
    try {
      attempt = (await previousAttempts(warehouse, schema, object)) + 1;
      await recordFailure(warehouse, schema, object, attempt, failure, record.at);
    } catch (error) {
      notes.push(`(could not record it in ${schema}.factline_load_errors: ${(error as Error).message})`);
    }
  }
  if (record.errorLogFile !== undefined) {
    try {
      await mkdir(dirname(record.errorLogFile), { recursive: true });
      const line = { timestamp: record.at.toISOString(), deliveryStreamName: object.deliveryStream, destination: object.table, bucket: object.bucket, key: object.key, attempt, ...failure };
      await appendFile(record.errorLogFile, `${JSON.stringify(line)}\n`);
    } catch (error) {
      notes.push(`(could not append it to ${record.errorLogFile}: ${(error as Error).message})`);
    }
  }
  return { attempt, notes };
}
