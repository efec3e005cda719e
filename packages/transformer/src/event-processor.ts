// One event envelope in, its fact lines out (or its issues): the envelope, the schema of its type and version, the
// payload, the entity, then the mapping, each fact written as one JSON line.
import { toValidationIssues } from '@factline/events';
import { keyAt, type CompiledDomain, type FactPlan } from './compile-domain.js';
import { failureRules } from './constants.js';
import { readEnvelope } from './envelope.js';
import { formatFactId, sha1Words } from './fact-id.js';
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
}

/**
 * Transforms one event (one line of JSON). Returns its fact lines (possibly empty), or `undefined` after adding its
 * issues to `issues`: an event either yields all its facts or none.
 *
 * @example
 * const lines = processEvent(domain, line, 0, { recordedAt, expectedEntity: undefined, validateDeclaredFacts: true, factCount: 0 }, issues);
 */
export function processEvent(domain: CompiledDomain, text: string, index: number, context: EventContext, issues: IssueCollector): string | undefined {
  const event = readEnvelope(domain.envelope, text, index, issues);
  if (event === undefined) return undefined;
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
    return undefined;
  }
  if (context.expectedEntity !== undefined && plan.entity !== context.expectedEntity) {
    const message = `${plan.key} is an event of ${plan.entity}, but this delivery stream carries ${context.expectedEntity}`;
    issues.add({ ...tag, pointer: '/event_type', rule: failureRules.entityMismatch, message });
    return undefined;
  }
  const occurredAt = normalizeTimestamp(event.occurred_at);
  if (occurredAt === undefined) {
    issues.add({ ...tag, pointer: '/occurred_at', rule: failureRules.occurredAt, message: `${quote(event.occurred_at)} is not an RFC 3339 timestamp with a zone, in years 0000–9999` });
    return undefined;
  }
  if (!plan.validate(event.payload)) {
    issues.addValidation(toValidationIssues(plan.validate.errors), '/payload', tag);
    return undefined;
  }
  const entity = resolvePointer(event.payload, plan.entityId);
  const entityId = typeof entity === 'string' ? entity : Number.isSafeInteger(entity) ? String(entity) : '';
  if (entityId === '') {
    const pointer = joinPointer('/payload', plan.entityId);
    const got = entity === absent ? 'nothing (absent)' : quote(entity);
    issues.add({ ...tag, pointer, rule: failureRules.entityId, message: `${pointer} must hold the entity id (a non-empty string or an integer); got ${got}` });
    return undefined;
  }

  // Everything after fact_id/entity_id/fact_type/fact_version is the same for all facts of the event.
  const head = `","entity_id":${JSON.stringify(entityId)}`;
  const tail = `,"occurred_at":"${occurredAt}","recorded_at":"${context.recordedAt}","event_id":${JSON.stringify(eventId)}${plan.typePart}`;
  const digest = sha1Words(eventId);
  const line = (fact: FactPlan, position: number, json: string) => `{"fact_id":"${formatFactId(digest, keyAt(fact, position))}${head}${fact.typePart}${tail}${fact.valuePart}${json}}\n`;

  if (plan.mapping.kind === 'typed') {
    const producer = typeof event.producer === 'string' ? event.producer : '';
    const typed = mapTyped(plan, event.payload, { eventId, eventType: event.event_type, eventVersion: event.event_version, occurredAt, producer }, line, issues, tag);
    if (typed === undefined) return undefined;
    context.factCount += typed.count;
    return typed.lines;
  }
  let lines = '';
  let position = 0;
  for (const fact of plan.mapping.facts) {
    const value = fact.resolve(event.payload);
    if (value === absent) continue;
    if (context.validateDeclaredFacts && !fact.validate(value)) {
      issues.addFactValidation(fact.key, fact.validate.errors, tag);
      return undefined;
    }
    lines += line(fact, position++, JSON.stringify(value));
  }
  context.factCount += position;
  return lines;
}
