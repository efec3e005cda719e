export * from './generated/types.js';
export { domain } from './generated/domain.js';
export { eventCatalog } from './generated/event-catalog.js';
export { validateEnvelope, validateEvent, type ValidationResult } from './validate-event.js';
export { toValidationIssues, type ValidationIssue } from './validation-issues.js';
export { runtimeMapper, type EventType, type EventVersion, type TypedMapper } from './mapper-types.js';
export { typedMappers } from './mappers/index.js';
export type {
  EventCatalogEntry,
  MappedFactValue,
  MapperContext,
  MapperResult,
  RuntimeDomain,
  RuntimeEventDefinition,
  RuntimeFactDefinition,
  RuntimeMappedFact,
  RuntimeMapper,
  RuntimeMapping,
  ValidationError,
  Validator,
  ValueSpec,
} from './runtime-domain.js';
export { createEventProducer, EventValidationError, type EventEnvelope, type EventProducer, type EventProducerOptions, type SendOptions } from './event-producer.js';
