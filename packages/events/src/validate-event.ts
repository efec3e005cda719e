// Validation with the precompiled validators: the same checks the producer runs before sending and the transformer
// runs on arrival.
import { domain } from './generated/domain.js';
import type { EventPayloads } from './generated/types.js';
import { toValidationIssues, type ValidationIssue } from './validation-issues.js';

export type ValidationResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates a payload against the schema of an event type and version.
 *
 * @example
 * const result = validateEvent('booking.confirmed', 1, { bookingId });
 * if (!result.ok) console.error(result.issues); // [{ pointer: '/bookingId', rule: 'format', message: … }]
 */
export function validateEvent<T extends keyof EventPayloads>(type: T, version: keyof EventPayloads[T] & number, payload: unknown): ValidationResult;
export function validateEvent(type: string, version: number, payload: unknown): ValidationResult;
export function validateEvent(type: string, version: number, payload: unknown): ValidationResult {
  const definition = domain.events[`${type}@${version}`];
  if (definition === undefined) {
    const known = Object.values(domain.events).filter((e) => e.type === type).map((e) => e.version);
    return {
      ok: false,
      issues: [{ pointer: '', rule: 'unknown-event', message: known.length ? `${type} has no version ${version} (known: ${known.join(', ')})` : `unknown event type "${type}"` }],
    };
  }
  return definition.validate(payload) ? { ok: true } : { ok: false, issues: toValidationIssues(definition.validate.errors) };
}

/**
 * Validates a whole envelope (not its payload).
 *
 * @example
 * validateEnvelope({ event_id, event_type, event_version: 1, occurred_at, producer: 'booking-service', payload });
 */
export function validateEnvelope(envelope: unknown): ValidationResult {
  const validate = domain.envelope.validate;
  return validate(envelope) ? { ok: true } : { ok: false, issues: toValidationIssues(validate.errors) };
}
