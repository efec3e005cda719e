export { startFirehoseEmulator, type FirehoseEmulator } from './emulator.js';
export { startLocalStack, formatBanner, formatLogEntry, type LocalStack, type LocalStackOptions } from './local-stack.js';
export { defaultBucket, defaultDataDir, defaultPort, type FirehoseEmulatorOptions } from './options.js';
export { LocalStackError, LocalStackErrorCode } from './errors.js';
export { firehoseLimits } from './constants.js';
export type { Delivery, EmulatorStatus, LogEntry, Logger, OnDelivered, StreamFaults, StreamStatus } from './types.js';
export type {
  FirehoseRecordTransformationStatus,
  FirehoseTransform,
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResult,
  FirehoseTransformationResultRecord,
} from './transformation-types.js';
export { createRedshiftDestination, type DestinationStats, type LoadOutcome, type RedshiftDestination, type RedshiftDestinationOptions } from './redshift-destination/destination.js';
export { classifyLoadFailure, redshiftDeliveryErrorCodes, type ClassifiedFailure, type RedshiftDeliveryErrorCode } from './redshift-destination/error-codes.js';
export { RedshiftDestinationError, RedshiftDestinationErrorCode } from './redshift-destination/errors.js';
export { destinationTables, outstandingLoadFailures, type OutstandingLoadFailure } from './redshift-destination/ledger.js';
