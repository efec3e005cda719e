// A typed mapper's answer, checked: it is hand-written TypeScript, whose types vanish at run time, so every fact it
// returns must be declared by the event's mapping, appear once, be plain JSON and be valid for its fact schema.
import type { MapperContext } from '@factline/events';
import type { EventPlan, FactPlan } from './compile-domain.js';
import { failureRules } from './constants.js';
import type { IssueCollector } from './issues.js';
import { jsonProblem } from './json-value.js';
import { errorText } from './quote.js';

/** Writes one fact line (built by the caller for the event at hand). */
export type LineWriter = (fact: FactPlan, position: number, json: string) => string;

let eventStamp = 0;

/**
 * Runs the typed mapper of `plan` and writes its facts; `undefined` after adding the issues.
 *
 * @example
 * const lines = mapTyped(plan, payload, mapperContext, line, issues, { index, eventId });
 */
export function mapTyped(plan: EventPlan, payload: unknown, context: MapperContext, line: LineWriter, issues: IssueCollector, tag: { index: number; eventId: string }): { lines: string; count: number } | undefined {
  if (plan.mapping.kind !== 'typed') return undefined;
  const where = `the typed mapper of ${plan.key}`;
  let result: unknown;
  try {
    result = plan.mapping.mapper(payload, context);
  } catch (error) {
    issues.add({ ...tag, pointer: '/payload', rule: failureRules.mapperError, message: `${where} threw: ${errorText(error)}` });
    return undefined;
  }
  const outcome = result as { ok?: unknown; facts?: unknown; pointer?: unknown; rule?: unknown; message?: unknown } | null;
  if (outcome?.ok === false) {
    const pointer = typeof outcome.pointer === 'string' ? outcome.pointer : '';
    const rule = typeof outcome.rule === 'string' && outcome.rule !== '' ? outcome.rule : failureRules.mapperError;
    issues.add({ ...tag, pointer: `/payload${pointer}`, rule, message: typeof outcome.message === 'string' ? errorText(outcome.message) : `${where} rejected the event` });
    return undefined;
  }
  if (outcome?.ok !== true || !Array.isArray(outcome.facts)) {
    issues.add({ ...tag, pointer: '/payload', rule: failureRules.mapperError, message: `${where} returned neither { ok: true, facts: [...] } nor { ok: false, ... }` });
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
          ? { ...tag, fact: key, pointer: '', rule: failureRules.duplicateFact, message: `${where} returned ${fact.type} twice; an event sets each fact at most once` }
          : { ...tag, fact: key, pointer: '', rule: failureRules.undeclaredFact, message: `${where} returned ${key} (fact ${position}), which its mapping does not declare (declared: ${declared})` },
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
      issues.addFactValidation(fact.key, fact.validate.errors, tag);
      return undefined;
    }
    lines += line(fact, position, JSON.stringify(mapped.value));
  }
  return { lines, count: facts.length };
}
