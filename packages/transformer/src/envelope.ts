// Reading one event line: JSON, then the envelope, validated by the domain's envelope validator.
import { toValidationIssues, type Validator } from '@factline/events';
import { failureRules } from './constants.js';
import type { IssueCollector } from './issues.js';
import { errorText } from './quote.js';

/** A valid envelope, as the fact line needs it. */
export interface Envelope {
  event_id: string;
  event_type: string;
  event_version: number;
  occurred_at: string;
  producer: unknown;
  payload: Record<string, unknown>;
}

/**
 * Parses and validates one event line; `undefined` after adding the issues (`json`, or the envelope schema's).
 *
 * @example
 * const envelope = readEnvelope(domain.envelope.validate, line, 0, issues);
 */
export function readEnvelope(validate: Validator, text: string, index: number, issues: IssueCollector): Envelope | undefined {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    issues.add({ index, pointer: '', rule: failureRules.json, message: `not JSON: ${errorText(error)}` });
    return undefined;
  }
  if (!validate(envelope)) {
    issues.addValidation(toValidationIssues(validate.errors), '', tagOf(envelope, index));
    return undefined;
  }
  // The generated envelope validator proves all of this; a hand-built one may not, and the fact line needs it.
  const e = (envelope !== null && typeof envelope === 'object' ? envelope : {}) as Record<string, unknown>;
  const wrong =
    typeof e['event_id'] !== 'string' || e['event_id'] === '' ? ['/event_id', 'a non-empty string']
    : typeof e['event_type'] !== 'string' ? ['/event_type', 'a string']
    : !Number.isSafeInteger(e['event_version']) ? ['/event_version', 'an integer']
    : typeof e['occurred_at'] !== 'string' ? ['/occurred_at', 'a string']
    : e['payload'] === null || typeof e['payload'] !== 'object' || Array.isArray(e['payload']) ? ['/payload', 'an object']
    : undefined;
  if (wrong !== undefined) {
    issues.add({ ...tagOf(envelope, index), pointer: wrong[0] as string, rule: 'type', message: `${wrong[0] as string} must be ${wrong[1] as string}` });
    return undefined;
  }
  return e as unknown as Envelope;
}

// Made only for an event that fails: the index, and the event id when there is a usable one.
function tagOf(envelope: unknown, index: number): { index: number; eventId?: string } {
  const eventId = envelope !== null && typeof envelope === 'object' ? (envelope as { event_id?: unknown }).event_id : undefined;
  return typeof eventId === 'string' && eventId !== '' ? { index, eventId } : { index };
}
