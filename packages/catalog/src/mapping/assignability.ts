// Can every value that a source schema admits be stored as a target schema's value? Conservative: when it cannot
// prove it, it says why, and the author either tightens the event schema or writes a typed mapper.
import { isDeepStrictEqual } from 'node:util';
import { isSchemaObject, typesOf } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';

/** Validates a concrete value against the target (used for const and enum values). */
export type ValueCheck = (target: JsonSchema, value: unknown) => string | undefined;

const annotationKeywords = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$id', '$schema', '$anchor', 'x-factline-references']);

/** The schema without annotation keywords, at its root and in its `properties` and `items` (elsewhere kept as is). */
export function withoutAnnotations(schema: JsonSchema): JsonSchema {
  if (!isSchemaObject(schema)) return schema;
  const out: JsonSchemaObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (annotationKeywords.has(k)) continue;
    if (k === 'properties' && isSchemaObject(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, withoutAnnotations(s as JsonSchema)]));
    else if (k === 'items' && (isSchemaObject(v) || typeof v === 'boolean')) out[k] = withoutAnnotations(v);
    else out[k] = v;
  }
  return out;
}

const withArticle = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

const num = (schema: JsonSchemaObject, keyword: string): number | undefined => (typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined);

/** Returns the reasons the source is not assignable to the target; empty when it is. `at` prefixes nested reasons. */
export function assignabilityIssues(source: JsonSchema, target: JsonSchema, check: ValueCheck, at = ''): string[] {
  if (target === true) return [];
  if (isDeepStrictEqual(withoutAnnotations(source), withoutAnnotations(target))) return [];
  const where = at === '' ? '' : `at ${at}: `;
  if (target === false) return [`${where}the fact admits no value`];
  if (source === false) return [];
  if (source === true) return [`${where}the event accepts any value here, the fact does not`];
  if (!isSchemaObject(target) || !isSchemaObject(source)) return [`${where}not a schema`];
  for (const keyword of ['anyOf', 'oneOf', 'allOf', 'not', 'if']) {
    if (keyword in source || keyword in target) return [`${where}"${keyword}" cannot be checked automatically; make the two schemas identical or use a typed mapper`];
  }

  // Concrete values: const and enum are checked value by value against the target.
  const values = 'const' in source ? [source['const']] : Array.isArray(source['enum']) ? (source['enum'] as unknown[]) : undefined;
  if (values !== undefined) {
    return values.flatMap((value) => {
      const problem = check(target, value);
      return problem === undefined ? [] : [`${where}the event allows ${JSON.stringify(value)}, which the fact rejects (${problem})`];
    });
  }

  const issues: string[] = [];
  const sourceTypes = typesOf(source);
  const targetTypes = typesOf(target);
  if (targetTypes !== undefined) {
    if (sourceTypes === undefined) return [`${where}the event does not constrain the type; the fact wants ${[...targetTypes].join(' or ')}`];
    for (const type of sourceTypes) {
      const fits = targetTypes.has(type) || (type === 'integer' && targetTypes.has('number'));
      if (!fits) issues.push(`${where}the event allows ${type === 'null' ? 'null' : withArticle(type)}, the fact only ${[...targetTypes].join(' or ')}`);
    }
  }
  if (Array.isArray(target['enum'])) issues.push(`${where}the fact allows only ${JSON.stringify(target['enum'])}; the event must declare the same enum (or a subset)`);
  if ('const' in target) issues.push(`${where}the fact is the constant ${JSON.stringify(target['const'])}; map it with { "const": … }`);

  const admits = (type: string) => sourceTypes === undefined || sourceTypes.has(type) || (type === 'number' && sourceTypes.has('integer'));

  if (admits('string')) {
    const tMax = num(target, 'maxLength');
    const sMax = num(source, 'maxLength');
    if (tMax !== undefined && (sMax === undefined || sMax > tMax)) issues.push(`${where}the fact's maxLength is ${tMax}; the event's is ${sMax ?? 'unbounded'}`);
    const tMin = num(target, 'minLength');
    const sMin = num(source, 'minLength') ?? 0;
    if (tMin !== undefined && sMin < tMin) issues.push(`${where}the fact's minLength is ${tMin}; the event's is ${sMin}`);
    if (typeof target['format'] === 'string' && source['format'] !== target['format']) {
      issues.push(`${where}the fact wants format "${target['format']}"; the event has ${typeof source['format'] === 'string' ? `"${source['format']}"` : 'no format'}`);
    }
    if (typeof target['pattern'] === 'string' && source['pattern'] !== target['pattern']) issues.push(`${where}the fact wants pattern ${target['pattern']}; the event's differs`);
  }

  if (admits('number') || admits('integer')) {
    const lower = (s: JsonSchemaObject) => Math.max(num(s, 'minimum') ?? -Infinity, num(s, 'exclusiveMinimum') ?? -Infinity);
    const upper = (s: JsonSchemaObject) => Math.min(num(s, 'maximum') ?? Infinity, num(s, 'exclusiveMaximum') ?? Infinity);
    if (lower(source) < lower(target) || (num(target, 'exclusiveMinimum') !== undefined && lower(source) === lower(target) && num(source, 'exclusiveMinimum') === undefined)) {
      issues.push(`${where}the fact's lower bound is ${lower(target)}; the event's is ${lower(source)}`);
    }
    if (upper(source) > upper(target) || (num(target, 'exclusiveMaximum') !== undefined && upper(source) === upper(target) && num(source, 'exclusiveMaximum') === undefined)) {
      issues.push(`${where}the fact's upper bound is ${upper(target)}; the event's is ${upper(source)}`);
    }
    const tStep = num(target, 'multipleOf');
    if (tStep !== undefined) {
      const sStep = num(source, 'multipleOf') ?? (sourceTypes?.has('number') ? undefined : 1);
      const ratio = sStep === undefined ? NaN : sStep / tStep;
      if (!(Math.abs(ratio - Math.round(ratio)) < 1e-9 && Math.round(ratio) >= 1)) issues.push(`${where}the fact wants multiples of ${tStep}; the event allows ${sStep === undefined ? 'any number' : `multiples of ${sStep}`}`);
    }
  }

  if (admits('array') && (targetTypes === undefined || targetTypes.has('array'))) {
    const tMaxItems = num(target, 'maxItems');
    const sMaxItems = num(source, 'maxItems');
    if (tMaxItems !== undefined && (sMaxItems === undefined || sMaxItems > tMaxItems)) issues.push(`${where}the fact allows at most ${tMaxItems} items; the event ${sMaxItems ?? 'any number'}`);
    if ((num(target, 'minItems') ?? 0) > (num(source, 'minItems') ?? 0)) issues.push(`${where}the fact wants at least ${num(target, 'minItems')} items`);
    if (target['uniqueItems'] === true && source['uniqueItems'] !== true) issues.push(`${where}the fact wants unique items; the event does not require them`);
    if (target['items'] !== undefined) {
      issues.push(...assignabilityIssues((source['items'] as JsonSchema | undefined) ?? true, target['items'] as JsonSchema, check, `${at}/items`));
    }
  }

  if (admits('object') && (targetTypes === undefined || targetTypes.has('object'))) {
    const sProps = isSchemaObject(source['properties']) ? source['properties'] : {};
    const tProps = isSchemaObject(target['properties']) ? target['properties'] : {};
    const sRequired = new Set(Array.isArray(source['required']) ? (source['required'] as string[]) : []);
    const tRequired = Array.isArray(target['required']) ? (target['required'] as string[]) : [];
    for (const name of tRequired) {
      if (!sRequired.has(name)) issues.push(`${where}the fact requires "${name}"; the event does not`);
    }
    for (const [name, tSchema] of Object.entries(tProps)) {
      if (name in sProps) issues.push(...assignabilityIssues(sProps[name] as JsonSchema, tSchema as JsonSchema, check, `${at}/${name}`));
    }
    if (target['additionalProperties'] === false) {
      for (const name of Object.keys(sProps)) if (!(name in tProps)) issues.push(`${where}the event has "${name}", which the fact does not allow`);
      if (source['additionalProperties'] !== false) issues.push(`${where}the event allows extra properties; the fact is closed (additionalProperties: false)`);
    }
  }
  return issues;
}
