// One event envelope in, its fact lines out (or its issues): the envelope, the schema of its type and version, the
// payload, the entity, then the mapping, each fact written as one JSON line.
import { toValidationIssues } from '@factline/events';
import type { CompiledDomain } from './compile-domain.js';
import { failureRules } from './constants.js';
import { readEnvelope } from './envelope.js';
import type { FactWriter } from './fact-writer.js';
import type { IssueCollector } from './issues.js';
import { absent, joinPointer, resolvePointer } from './json-pointer.js';
import { quote } from './quote.js';
import { normalizeTimestamp } from './timestamps.js';
import { mapTyped } from './typed-mapping.js';

/** Per-record facts every event of the record shares. */
export interface EventContext {
  /** `recorded_at`, already normalised. */
  recordedAt: string;
  /** The entity of the delivery stream, when known: events of other entities fail. */
  expectedEntity: string | undefined;
  validateDeclaredFacts: boolean;
  /** Facts written so far (processEvent adds its event's count when it succeeds). */
  factCount: number;
  /** Where the fact lines go (`reset` for the record by the caller). */
  writer: FactWriter;
}

/**
 * Transforms one event (one line of JSON): writes its fact lines (possibly none) to `context.writer` and returns true,
 * or returns false after adding its issues to `issues`: an event either yields all its facts or none.
 *
 * @example
 * const ok = processEvent(domain, line, 0, { recordedAt, expectedEntity: undefined, validateDeclaredFacts: true, factCount: 0, writer }, issues);
 */
export function processEvent(domain: CompiledDomain, text: string, index: number, context: EventContext, issues: IssueCollector): boolean {
  const event = readEnvelope(domain.envelope, text, index, issues);
  if (event === undefined) return false;
  const eventId = event.event_id;
  const tag = { index, eventId };
  const versions = domain.events.get(event.event_type);
  const plan = versions?.get(event.event_version);
  if (plan === undefined) {
    const known = versions === undefined ? '' : [...versions.keys()].sort((a, b) => a - b).join(', ');
    issues.add(
      versions === undefined
        ? { ...tag, pointer: '/event_type', rule: failureRules.unknownEvent, message: `unknown event type "${event.event_type}"` }
        : { ...tag, pointer: '/event_version', rule: failureRules.unknownEvent, message: `${event.event_type} has no version ${event.event_version} (known: ${known})` },
    );
    return false;
  }
  if (context.expectedEntity !== undefined && plan.entity !== context.expectedEntity) {
    const message = `${plan.key} is an event of ${plan.entity}, but this delivery stream carries ${context.expectedEntity}`;
    issues.add({ ...tag, pointer: '/event_type', rule: failureRules.entityMismatch, message });
    return false;
  }
  const occurredAt = normalizeTimestamp(event.occurred_at);
  if (occurredAt === undefined) {
    issues.add({ ...tag, pointer: '/occurred_at', rule: failureRules.occurredAt, message: `${quote(event.occurred_at)} is not an RFC 3339 timestamp with a zone, in years 0000–9999` });
    return false;
  }
  if (!plan.validate(event.payload)) {
    issues.addValidation(toValidationIssues(plan.validate.errors), '/payload', tag);
    return false;
  }
  const entity = resolvePointer(event.payload, plan.entityId);
  const entityId = typeof entity === 'string' ? entity : Number.isSafeInteger(entity) ? String(entity) : '';
  if (entityId === '') {
    const pointer = joinPointer('/payload', plan.entityId);
    const got = entity === absent ? 'nothing (absent)' : quote(entity);
    issues.add({ ...tag, pointer, rule: failureRules.entityId, message: `${pointer} must hold the entity id (a non-empty string or an integer); got ${got}` });
    return false;
  }

  const writer = context.writer;
  writer.beginEvent(eventId, entityId, occurredAt, plan.typeBytes);
  if (plan.mapping.kind === 'typed') {
    const producer = typeof event.producer === 'string' ? event.producer : '';
    const count = mapTyped(plan, event.payload, { eventId, eventType: event.event_type, eventVersion: event.event_version, occurredAt, producer }, writer, issues, tag);
    if (count === undefined) {
      writer.abortEvent();
      return false;
    }
    context.factCount += count;
    return true;
  }
  let position = 0;
  for (const fact of plan.mapping.facts) {
    const value = fact.resolve(event.payload);
    if (value === absent) continue;
    if (context.validateDeclaredFacts && fact.needsValidation && !fact.validate(value)) {
      issues.addFactValidation(fact.key, fact.validate.errors, tag);
      writer.abortEvent();
      return false;
    }
    writer.writeFact(fact, position++, value);
  }
  context.factCount += position;
  return true;
}
