export { createProducer } from './producer.js';
export { firehoseLimits, maxEventBytes, producerDefaults } from './constants.js';
export { DeliveryError, ProducerError, RecordFailedError, producerErrorCodes, type ProducerErrorCode } from './errors.js';
export type { EventData, FailedEvent, FailureReason, Producer, ProducerMetrics, ProducerOptions, RetryOptions } from './types.js';
