export { createTransformer, type Transformer, type TransformEventsContext } from './transformer.js';
export { createHandler, type FirehoseTransformationHandler } from './handler.js';
export { transformBatch, type BatchResult } from './batch.js';
export { inspectFailedRecord, type FailedRecordReport, type InspectedEvent } from './inspect.js';
export { factId } from './fact-id.js';
export { normalizeTimestamp, parseArrivalTimestamp } from './timestamps.js';
export { createDefaultLogger, type TransformerLogger } from './logger.js';
export { failureRules, firehoseTransformLimits, transformerDefaults, type FailureRule } from './constants.js';
export { TransformerError, TransformerErrorCode, type TransformerErrorContext } from './errors.js';
export { resolveHandlerOptions, resolveTransformerOptions } from './options.js';
export type { HandlerOptions, ResolvedHandlerOptions, ResolvedTransformerOptions, TransformerOptions } from './options.js';
export type { BatchSummary, FailureSample } from './batch-summary.js';
export type {
  EventsOutcome,
  FirehoseInputRecord,
  FirehoseOutputRecord,
  FirehoseResult,
  FirehoseTransformationEvent,
  FirehoseTransformationResponse,
  RecordOutcome,
  TransformIssue,
} from './types.js';
