// Can the transformer skip validating a declared fact's value? Only when validating the payload already did it:
// the pointer reaches the value through `properties` alone (which always apply to their property), and the schema
// found there is the fact's schema, keyword for keyword, annotations aside. Anything less certain says no, and the
// transformer validates the value as usual.
import { isDeepStrictEqual } from 'node:util';
import { toPointer } from '../json/pointer.js';
import { isSchemaObject } from '../schema/walk.js';
import type { JsonSchema, SchemaDocument } from '../types.js';
import { withoutAnnotations } from './assignability.js';

// A reference left in a resolved schema (a cycle, or one that did not resolve) means two equal texts may differ.
const referenceKeywords = ['$ref', '$dynamicRef', '$recursiveRef'];

/**
 * True when every payload that the event's schema accepts carries, at `pointer`, a value the fact's schema accepts
 * because the two schemas are the same.
 *
 * @example
 * provenByPayload(event.document, ['basicInfo', 'email'], fact.document); // true: both are { type: string, format: email, … }
 */
export function provenByPayload(event: SchemaDocument, pointer: readonly string[], fact: SchemaDocument): boolean {
  if (event.schema['$schema'] !== fact.schema['$schema']) return false;
  let current: JsonSchema = event.resolved;
  for (const token of pointer) {
    if (!isSchemaObject(current) || !isSchemaObject(current['properties'])) return false;
    const property: unknown = current['properties'][token];
    if (typeof property !== 'boolean' && !isSchemaObject(property)) return false;
    current = property;
  }
  if (hasReference(current) || hasReference(fact.resolved)) return false;
  return isDeepStrictEqual(withoutAnnotations(current), withoutAnnotations(fact.resolved));
}

function hasReference(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasReference);
  if (!isSchemaObject(value)) return false;
  return Object.entries(value).some(([keyword, child]) => referenceKeywords.includes(keyword) || hasReference(child));
}

/**
 * The pointers (through `properties`, at most `depth` deep) at which the event's payload schema is the fact's schema.
 * A typed mapper's fact whose value equals the payload's value at one of them (a primitive: equal values are valid
 * alike) needs no second validation.
 *
 * @example
 * pointersProvingFact(requested.document, checkInFact.document); // ['/checkIn', '/checkOut']: both are { format: date }
 */
export function pointersProvingFact(event: SchemaDocument, fact: SchemaDocument, depth = 3): string[] {
  const found: string[] = [];
  const visit = (schema: JsonSchema, tokens: string[]) => {
    if (tokens.length > 0 && provenByPayload(event, tokens, fact)) found.push(toPointer(tokens));
    if (tokens.length >= depth || !isSchemaObject(schema) || !isSchemaObject(schema['properties'])) return;
    for (const [name, child] of Object.entries(schema['properties'])) visit(child as JsonSchema, [...tokens, name]);
  };
  visit(event.resolved, []);
  return found;
}
