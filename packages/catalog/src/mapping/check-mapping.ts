// Type-checks every mapping against the event schema and the fact schemas: pointers exist, values fit.
import { appendPointer, parsePointer } from '../json/pointer.js';
import { isSchemaObject, typesOf } from '../schema/walk.js';
import type { EventDefinition, FactDefinition, JsonSchema, SchemaDocument, ValueSpec } from '../types.js';
import { versionKey } from '../types.js';
import { assignabilityIssues, type ValueCheck } from './assignability.js';
import { schemaAtPointer } from './schema-at-pointer.js';

export interface MappingIssue {
  pointer: string;
  rule: string;
  message: string;
}

export interface MappingCheckInput {
  event: EventDefinition;
  facts: ReadonlyMap<string, FactDefinition>;
  entityDocument: SchemaDocument | undefined;
  check: ValueCheck;
}

const mappingPointer = '/x-factline-mapping';

export function checkEventMapping({ event, facts, entityDocument, check }: MappingCheckInput): MappingIssue[] {
  const mapping = event.mapping;
  if (mapping === undefined) return [];
  const issues: MappingIssue[] = [];
  const payload = event.document.resolved;

  // The entity id: always present, and a valid id of the entity.
  const idTokens = parsePointer(mapping.entityId);
  const idAt = appendPointer(mappingPointer, 'entityId');
  if (idTokens.ok) {
    const found = schemaAtPointer(payload, idTokens.tokens);
    if (!found.ok) issues.push({ pointer: idAt, rule: 'mapping-entity-id', message: `entityId "${mapping.entityId}": ${found.message}` });
    else {
      if (!found.alwaysPresent) issues.push({ pointer: idAt, rule: 'mapping-entity-id', message: `entityId "${mapping.entityId}" may be absent; it must be required (at every level) and not nullable` });
      if (entityDocument) {
        for (const reason of assignabilityIssues(found.schema, entityDocument.resolved, check)) {
          issues.push({ pointer: idAt, rule: 'mapping-entity-id', message: `entityId "${mapping.entityId}" does not fit the ${event.entity} id (${entityDocument.file}): ${reason}` });
        }
      }
    }
  }

  const seen = new Set<string>();
  mapping.facts.forEach((mapped, index) => {
    const at = appendPointer(mappingPointer, 'facts', index);
    const fact = facts.get(versionKey(mapped.fact, mapped.version));
    if (seen.has(mapped.fact)) issues.push({ pointer: at, rule: 'mapping-duplicate-fact', message: `"${mapped.fact}" is mapped more than once; an event sets each fact at most once` });
    seen.add(mapped.fact);
    if (fact === undefined) {
      const versions = [...facts.values()].filter((f) => f.type === mapped.fact).map((f) => f.version);
      issues.push({
        pointer: at,
        rule: 'mapping-unknown-fact',
        message: versions.length
          ? `"${mapped.fact}" has no version ${mapped.version} (defined: ${versions.join(', ')})`
          : `no fact "${mapped.fact}" is defined; add schemas/facts/${mapped.fact.replace('.', '/')}/v${mapped.version}.json`,
      });
      return;
    }
    if (fact.entity !== event.entity) {
      issues.push({ pointer: at, rule: 'mapping-wrong-entity', message: `"${mapped.fact}" is a fact of ${fact.entity}, but this is an event of ${event.entity}` });
      return;
    }
    if ('value' in mapped) issues.push(...checkValueSpec(mapped.value as ValueSpec, fact.document.resolved, appendPointer(at, 'value'), payload, check, fact));
  });
  return issues;
}

function checkValueSpec(spec: ValueSpec, target: JsonSchema, at: string, payload: JsonSchema, check: ValueCheck, fact: FactDefinition, requiredInTarget = false): MappingIssue[] {
  const factName = `${fact.type} v${fact.version}`;
  if ('pointer' in spec) {
    const tokens = parsePointer(spec.pointer);
    if (!tokens.ok) return [{ pointer: at, rule: 'mapping-pointer-missing', message: tokens.message }];
    const found = schemaAtPointer(payload, tokens.tokens);
    if (!found.ok) return [{ pointer: at, rule: 'mapping-pointer-missing', message: `"${spec.pointer}" does not exist in the event schema: ${found.message}` }];
    const issues = assignabilityIssues(found.schema, target, check).map((reason) => ({
      pointer: at,
      rule: 'mapping-type-mismatch',
      message: `"${spec.pointer}" does not fit ${factName}: ${reason}`,
    }));
    if (requiredInTarget && !found.alwaysPresent) {
      issues.push({ pointer: at, rule: 'mapping-type-mismatch', message: `"${spec.pointer}" may be absent, but ${factName} requires this property; map a required property or use a typed mapper` });
    }
    return issues;
  }
  if ('const' in spec) {
    const problem = check(target, spec.const);
    return problem === undefined ? [] : [{ pointer: at, rule: 'mapping-type-mismatch', message: `the constant ${JSON.stringify(spec.const)} does not fit ${factName}: ${problem}` }];
  }
  if (!isSchemaObject(target) || !(typesOf(target)?.has('object') ?? isSchemaObject(target['properties']))) {
    return [{ pointer: at, rule: 'mapping-type-mismatch', message: `an "object" value spec builds an object, but ${factName} is not an object` }];
  }
  const properties = isSchemaObject(target['properties']) ? target['properties'] : {};
  const required = Array.isArray(target['required']) ? (target['required'] as string[]) : [];
  const issues: MappingIssue[] = [];
  for (const name of required) {
    if (!(name in spec.object)) issues.push({ pointer: appendPointer(at, 'object'), rule: 'mapping-type-mismatch', message: `${factName} requires "${name}", which the object spec does not give` });
  }
  for (const [name, child] of Object.entries(spec.object)) {
    const childAt = appendPointer(at, 'object', name);
    const childTarget = properties[name] as JsonSchema | undefined;
    if (childTarget === undefined) {
      if (target['additionalProperties'] === false) issues.push({ pointer: childAt, rule: 'mapping-type-mismatch', message: `${factName} has no property "${name}"` });
      continue;
    }
    issues.push(...checkValueSpec(child, childTarget, childAt, payload, check, fact, required.includes(name)));
  }
  return issues;
}
