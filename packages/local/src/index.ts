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
