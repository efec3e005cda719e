// Processing-failed records as Firehose writes them (aws-contracts §2.4): one JSON object per line, the numbers as
// epoch milliseconds, the original record in base64.
import type { StoredRecord } from '../wal/frame.js';

/** Why a record failed, and after how many invocation attempts. */
export interface RecordFailure {
  errorCode: string;
  errorMessage: string;
  attemptsMade: number;
  attemptEndingTimestamp: number;
}

export function processingFailedLine(record: StoredRecord, failure: RecordFailure, lambdaArn: string): string {
  return `${JSON.stringify({
    attemptsMade: failure.attemptsMade,
    arrivalTimestamp: record.arrival,
    errorCode: failure.errorCode,
    errorMessage: failure.errorMessage,
    attemptEndingTimestamp: failure.attemptEndingTimestamp,
    rawData: record.data.toString('base64'),
    lambdaArn,
  })}\n`;
}
