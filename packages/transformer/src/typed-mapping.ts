// A typed mapper's answer, checked: it is hand-written TypeScript, whose types vanish at run time, so every fact it
// returns must be declared by the event's mapping, appear once, be plain JSON and be valid for its fact schema.
import type { MapperContext } from '@factline/events';
import type { EventPlan } from './compile-domain.js';
import { failureRules } from './constants.js';
import type { FactWriter } from './fact-writer.js';
import type { IssueCollector } from './issues.js';
import { absent, resolvePointer, type PointerTokens } from './json-pointer.js';
import { jsonProblem } from './json-value.js';
import { errorText } from './quote.js';

let eventStamp = 0;

/**
 * Runs the typed mapper of `plan` and writes its facts to `writer` (whose event is begun); returns how many, or
 * `undefined` after adding the issues.
 *
 * @example
 * const count = mapTyped(plan, payload, mapperContext, writer, issues, { index, eventId });
 */
export function mapTyped(plan: EventPlan, payload: unknown, context: MapperContext, writer: FactWriter, issues: IssueCollector, tag: { index: number; eventId: string }): number | undefined {
  if (plan.mapping.kind !== 'typed') return undefined;
  const { proven, provenValues } = plan.mapping;
  for (let i = 0; i < proven.length; i++) provenValues[i] = resolvePointer(payload, proven[i] as PointerTokens);
  let result: unknown;
  try {
    result = plan.mapping.mapper(payload, context);
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
    if (!equalsProvenValue(fact.provenAt, mapped.value, provenValues) && !fact.validate(mapped.value)) {
      issues.addFactValidation(fact.key, fact.validate.errors, tag);
      return undefined;
    }
    writer.writeFact(fact, position, mapped.value);
  }
  return facts.length;
}

// A primitive equal to a payload value whose schema is the fact's was validated with the payload: equal primitives are
// valid alike. The values were read before the mapper ran. An object or array may have been built or changed by the
// mapper, so it is always validated.
function equalsProvenValue(provenAt: readonly number[], value: unknown, provenValues: readonly unknown[]): boolean {
  if (value !== null && typeof value === 'object') return false;
  for (const index of provenAt) {
    const there = provenValues[index];
    if (there !== absent && there === value) return true;
  }
  return false;
}
