// One event envelope in, its fact lines out (or its issues): parse, validate the envelope, find the schema of its
// type and version, validate the payload, map, and write each fact as one JSON line.
import { toValidationIssues, type MapperContext } from '@factline/events';
import { keyAt, type CompiledDomain, type EventPlan, type FactPlan } from './compile-domain.js';
import { failureRules } from './constants.js';
import { formatFactId, sha1Words } from './fact-id.js';
import type { IssueCollector } from './issues.js';
import { absent, resolvePointer } from './json-pointer.js';
import { jsonProblem } from './json-value.js';
import { errorText, quote } from './quote.js';
import { normalizeTimestamp } from './timestamps.js';

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

interface Envelope {
  event_id: string;
  event_type: string;
  event_version: number;
  occurred_at: string;
  producer: string;
  payload: Record<string, unknown>;
}

/**
 * Transforms one event (one line of JSON). Returns its fact lines (possibly empty), or `undefined` after adding its
 * issues to `issues`: an event either yields all its facts or none.
 *
 * @example
 * const lines = processEvent(domain, line, 0, { recordedAt, expectedEntity: undefined, validateDeclaredFacts: true }, issues);
 */
export function processEvent(domain: CompiledDomain, text: string, index: number, context: EventContext, issues: IssueCollector): string | undefined {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    issues.add({ index, pointer: '', rule: failureRules.json, message: `not JSON: ${errorText(error)}` });
    return undefined;
  }
  const event = checkEnvelope(domain, envelope, index, issues);
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
    const pointer = `/payload${plan.entityId.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
    issues.add({ ...tag, pointer, rule: failureRules.entityId, message: `${pointer} must hold the entity id (a non-empty string or an integer); got ${describe(entity)}` });
    return undefined;
  }
  // Everything after fact_id/entity_id/fact_type/fact_version is the same for all facts of the event.
  const head = `","entity_id":${JSON.stringify(entityId)}`;
  const tail = `,"occurred_at":"${occurredAt}","recorded_at":"${context.recordedAt}","event_id":${JSON.stringify(eventId)}${plan.typePart}`;
  const digest = sha1Words(eventId);
  const line = (fact: FactPlan, position: number, json: string) => `{"fact_id":"${formatFactId(digest, keyAt(fact, position))}${head}${fact.typePart}${tail}${fact.valuePart}${json}}\n`;

  if (plan.mapping.kind === 'declared') {
    let lines = '';
    let position = 0;
    for (const fact of plan.mapping.facts) {
      const value = fact.resolve(event.payload);
      if (value === absent) continue;
      if (context.validateDeclaredFacts && !fact.validate(value)) {
        addFactIssues(issues, fact, fact.validate.errors, tag);
        return undefined;
      }
      lines += line(fact, position++, JSON.stringify(value));
    }
    context.factCount += position;
    return lines;
  }
  return mapTyped(plan, event, context, { eventId, eventType: event.event_type, eventVersion: event.event_version, occurredAt, producer: typeof event.producer === 'string' ? event.producer : '' }, line, issues, tag);
}

let eventStamp = 0;

function mapTyped(
  plan: EventPlan,
  event: Envelope,
  context: EventContext,
  mapperContext: MapperContext,
  line: (fact: FactPlan, position: number, json: string) => string,
  issues: IssueCollector,
  tag: { index: number; eventId: string },
): string | undefined {
  if (plan.mapping.kind !== 'typed') return undefined;
  let result: unknown;
  try {
    result = plan.mapping.mapper(event.payload, mapperContext);
  } catch (error) {
    issues.add({ ...tag, pointer: '/payload', rule: failureRules.mapperError, message: `the typed mapper of ${plan.key} threw: ${errorText(error)}` });
    return undefined;
  }
  const outcome = result as { ok?: unknown; facts?: unknown; pointer?: unknown; rule?: unknown; message?: unknown } | null;
  if (outcome?.ok === false) {
    const pointer = typeof outcome.pointer === 'string' ? outcome.pointer : '';
    const rule = typeof outcome.rule === 'string' && outcome.rule !== '' ? outcome.rule : failureRules.mapperError;
    issues.add({ ...tag, pointer: `/payload${pointer}`, rule, message: typeof outcome.message === 'string' ? errorText(outcome.message) : `the typed mapper of ${plan.key} rejected the event` });
    return undefined;
  }
  if (outcome?.ok !== true || !Array.isArray(outcome.facts)) {
    issues.add({ ...tag, pointer: '/payload', rule: failureRules.mapperError, message: `the typed mapper of ${plan.key} returned neither { ok: true, facts: [...] } nor { ok: false, ... }` });
    return undefined;
  }
  const facts = outcome.facts as unknown[];
  // A stamp per event marks the facts it wrote: cheaper than a Set per event.
  const stamp = ++eventStamp;
  let lines = '';
  for (let position = 0; position < facts.length; position++) {
    const mapped = facts[position] as { fact?: unknown; version?: unknown; value?: unknown } | null;
    const fact = typeof mapped?.fact === 'string' ? plan.mapping.facts.get(mapped.fact) : undefined;
    if (fact === undefined || mapped === null || fact.version !== mapped.version || fact.seen === stamp) {
      const key = `${String(mapped?.fact)}@${String(mapped?.version)}`;
      const declared = [...plan.mapping.facts.values()].map((f) => f.key).join(', ');
      issues.add(
        fact !== undefined && fact.version === mapped?.version
          ? { ...tag, fact: key, pointer: '', rule: failureRules.duplicateFact, message: `the typed mapper of ${plan.key} returned ${fact.type} twice; an event sets each fact at most once` }
          : { ...tag, fact: key, pointer: '', rule: failureRules.undeclaredFact, message: `the typed mapper of ${plan.key} returned ${key} (fact ${position}), which its mapping does not declare (declared: ${declared})` },
      );
      return undefined;
    }
    fact.seen = stamp;
    const problem = jsonProblem(mapped.value);
    if (problem !== undefined) {
      issues.add({ ...tag, fact: fact.key, pointer: problem.pointer, rule: failureRules.notJson, message: `${fact.key} value${problem.pointer}: ${problem.reason}` });
      return undefined;
    }
    if (!fact.validate(mapped.value)) {
      addFactIssues(issues, fact, fact.validate.errors, tag);
      return undefined;
    }
    lines += line(fact, position, JSON.stringify(mapped.value));
  }
  context.factCount += facts.length;
  return lines;
}

function checkEnvelope(domain: CompiledDomain, envelope: unknown, index: number, issues: IssueCollector): Envelope | undefined {
  const eventId = envelope !== null && typeof envelope === 'object' ? (envelope as { event_id?: unknown }).event_id : undefined;
  const tag = typeof eventId === 'string' && eventId !== '' ? { index, eventId } : { index };
  if (!domain.envelope(envelope)) {
    issues.addValidation(toValidationIssues(domain.envelope.errors), '', tag);
    return undefined;
  }
  // The generated envelope validator proves all of this; a hand-built one may not, and the line needs it.
  const e = envelope as Record<string, unknown>;
  const wrong =
    tag.eventId === undefined ? ['/event_id', 'a non-empty string']
    : typeof e['event_type'] !== 'string' ? ['/event_type', 'a string']
    : !Number.isSafeInteger(e['event_version']) ? ['/event_version', 'an integer']
    : typeof e['occurred_at'] !== 'string' ? ['/occurred_at', 'a string']
    : e['payload'] === null || typeof e['payload'] !== 'object' || Array.isArray(e['payload']) ? ['/payload', 'an object']
    : undefined;
  if (wrong !== undefined) {
    issues.add({ ...tag, pointer: wrong[0] as string, rule: 'type', message: `${wrong[0] as string} must be ${wrong[1] as string}` });
    return undefined;
  }
  return e as unknown as Envelope;
}

function addFactIssues(issues: IssueCollector, fact: FactPlan, errors: Parameters<typeof toValidationIssues>[0], tag: { index: number; eventId: string }): void {
  for (const issue of toValidationIssues(errors)) {
    issues.add({ ...tag, fact: fact.key, pointer: issue.pointer, rule: issue.rule, message: `${fact.key} value: ${issue.message}` });
  }
}

function describe(value: unknown): string {
  return value === absent ? 'nothing (absent)' : quote(value);
}
