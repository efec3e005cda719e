// Reads the shape of `x-factline-mapping` and `x-factline-entity`. Whether pointers exist and types fit is
// checked later, against the schemas (check-mapping.ts).
import { appendPointer, parsePointer } from '../json/pointer.js';
import { isSchemaObject } from '../schema/walk.js';
import type { EntityLifecycle, EventMapping, ValueSpec } from '../types.js';

export interface ShapeIssue {
  pointer: string;
  message: string;
}

const typeNamePattern = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export function parseValueSpec(raw: unknown, pointer: string, issues: ShapeIssue[]): ValueSpec | undefined {
  if (typeof raw === 'string') {
    const parsed = parsePointer(raw);
    if (!parsed.ok || raw.startsWith('#')) {
      issues.push({ pointer, message: `"${raw}" is not a JSON Pointer into the payload (write it like "/basicInfo/name")` });
      return undefined;
    }
    return { pointer: raw };
  }
  if (isSchemaObject(raw)) {
    const keys = Object.keys(raw);
    if (keys.length === 1 && keys[0] === 'const') return { const: raw['const'] };
    if (keys.length === 1 && keys[0] === 'object' && isSchemaObject(raw['object'])) {
      const entries = Object.entries(raw['object']);
      if (entries.length === 0) {
        issues.push({ pointer: appendPointer(pointer, 'object'), message: 'an "object" value spec needs at least one property' });
        return undefined;
      }
      const object: Record<string, ValueSpec> = {};
      for (const [name, spec] of entries) {
        const parsed = parseValueSpec(spec, appendPointer(pointer, 'object', name), issues);
        if (parsed) object[name] = parsed;
      }
      return { object };
    }
  }
  issues.push({ pointer, message: 'a value spec is a JSON Pointer string, { "const": <value> }, or { "object": { "<property>": <value spec>, … } }' });
  return undefined;
}

export function parseMapping(raw: unknown, pointer: string, issues: ShapeIssue[]): EventMapping | undefined {
  if (!isSchemaObject(raw)) {
    issues.push({ pointer, message: 'x-factline-mapping must be an object with "entityId" and "facts"' });
    return undefined;
  }
  const before = issues.length;
  for (const key of Object.keys(raw)) {
    if (!['entityId', 'facts', 'mapper'].includes(key)) issues.push({ pointer: appendPointer(pointer, key), message: `unknown mapping key "${key}" (allowed: entityId, facts, mapper)` });
  }
  const entityId = raw['entityId'];
  if (typeof entityId !== 'string' || !parsePointer(entityId).ok || entityId === '' || entityId.startsWith('#')) {
    issues.push({ pointer: appendPointer(pointer, 'entityId'), message: '"entityId" must be a JSON Pointer to the entity id in the payload, like "/bookingId"' });
  }
  const mapper = raw['mapper'];
  if (mapper !== undefined && mapper !== 'typed') issues.push({ pointer: appendPointer(pointer, 'mapper'), message: '"mapper" can only be "typed" (a hand-written mapper in packages/events/src/mappers/)' });
  const typed = mapper === 'typed';
  const facts = raw['facts'];
  if (!Array.isArray(facts) || facts.length === 0) {
    issues.push({ pointer: appendPointer(pointer, 'facts'), message: '"facts" must list at least one fact the event produces' });
    return undefined;
  }
  const parsedFacts: { fact: string; version: number; value?: ValueSpec }[] = [];
  facts.forEach((entry, index) => {
    const at = appendPointer(pointer, 'facts', index);
    if (!isSchemaObject(entry)) {
      issues.push({ pointer: at, message: 'each mapped fact is an object { "fact", "version", "value" }' });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['fact', 'version', 'value'].includes(key)) issues.push({ pointer: appendPointer(at, key), message: `unknown key "${key}" (allowed: fact, version, value)` });
    }
    const fact = entry['fact'];
    const version = entry['version'];
    if (typeof fact !== 'string' || !typeNamePattern.test(fact)) issues.push({ pointer: appendPointer(at, 'fact'), message: '"fact" must be a fact type like "accommodation_provider.email"' });
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) issues.push({ pointer: appendPointer(at, 'version'), message: '"version" must be the fact version, an integer ≥ 1' });
    let value: ValueSpec | undefined;
    if (typed && 'value' in entry) issues.push({ pointer: appendPointer(at, 'value'), message: 'with "mapper": "typed" the typed mapper produces the values; remove "value"' });
    if (!typed) {
      if (!('value' in entry)) issues.push({ pointer: at, message: 'a declared mapping needs a "value" for each fact (or use "mapper": "typed")' });
      else value = parseValueSpec(entry['value'], appendPointer(at, 'value'), issues);
    }
    if (typeof fact === 'string' && typeof version === 'number') parsedFacts.push({ fact, version, ...(value ? { value } : {}) });
  });
  if (issues.length > before || typeof entityId !== 'string') return undefined;
  return typed
    ? { kind: 'typed', entityId, facts: parsedFacts.map(({ fact, version }) => ({ fact, version })) }
    : { kind: 'declared', entityId, facts: parsedFacts.map(({ fact, version, value }) => ({ fact, version, value: value! })) };
}

export function parseEntityExtension(raw: unknown, pointer: string, issues: ShapeIssue[]): { lifecycle: EntityLifecycle | undefined } {
  if (raw === undefined) return { lifecycle: undefined };
  if (!isSchemaObject(raw)) {
    issues.push({ pointer, message: 'x-factline-entity must be an object' });
    return { lifecycle: undefined };
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'lifecycle') issues.push({ pointer: appendPointer(pointer, key), message: `unknown key "${key}" (allowed: lifecycle)` });
  }
  const lifecycle = raw['lifecycle'];
  if (lifecycle === undefined) return { lifecycle: undefined };
  const at = appendPointer(pointer, 'lifecycle');
  if (!isSchemaObject(lifecycle)) {
    issues.push({ pointer: at, message: 'lifecycle must be { "fact": "<entity>.<fact>", "inactive": [...], "deleted": [...] }' });
    return { lifecycle: undefined };
  }
  const stringList = (key: string): string[] | undefined => {
    const value = lifecycle[key] ?? [];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    issues.push({ pointer: appendPointer(at, key), message: `"${key}" must be a list of values of the lifecycle fact` });
    return undefined;
  };
  const fact = lifecycle['fact'];
  if (typeof fact !== 'string' || !typeNamePattern.test(fact)) {
    issues.push({ pointer: appendPointer(at, 'fact'), message: '"fact" must name the fact that carries the lifecycle, like "accommodation.status"' });
  }
  for (const key of Object.keys(lifecycle)) {
    if (!['fact', 'inactive', 'deleted'].includes(key)) issues.push({ pointer: appendPointer(at, key), message: `unknown key "${key}" (allowed: fact, inactive, deleted)` });
  }
  const inactive = stringList('inactive');
  const deleted = stringList('deleted');
  if (typeof fact !== 'string' || !inactive || !deleted) return { lifecycle: undefined };
  return { lifecycle: { fact, inactive, deleted } };
}
