// Object constraints: declared properties against the content models, `required`, the keywords that govern
// undeclared names, property names and counts. Property names are visited in the order the schemas list them.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { compareLimit } from './compare-limit.js';
import { comparePatternProperties } from './compare-pattern-properties.js';
import { compareDependencies } from './compare-dependencies.js';
import { compareRest } from './compare-rest.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { covers, governorOf, whyNotWithin, within, type Governor } from './content-model.js';
import { isFalse, isTrivial, numberAt, requiredAt, schemaAt, schemaMapAt } from './keywords.js';
import type { Cursor } from './schema-side.js';

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});
const modelName = (governor: Governor) => (governor.kind === 'partial' ? `partially open (${governor.what} decides)` : governor.kind);

export function compareObject(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = asObject(o);
  const y = asObject(n);
  compareProperties(context, o, n, at);
  compareRequired(context, x, y, at);
  compareRest(context, o, n, at, 'additionalProperties', 'ADDITIONAL_PROPERTIES', 'properties');
  compareRest(context, o, n, at, 'unevaluatedProperties', 'UNEVALUATED_PROPERTIES', 'properties');
  comparePatternProperties(context, o, n, at);
  const stringy = (schema: JsonSchema | undefined): JsonSchema => (schema === undefined || schema === true ? { type: 'string' } : schema === false || 'type' in schema ? schema : { ...schema, type: 'string' });
  if (x['propertyNames'] !== undefined || y['propertyNames'] !== undefined) {
    // Property names are strings whatever the schema says, so `{ "maxLength": 5 }` and `{ "type": "string", … }` agree.
    context.compare({ node: stringy(schemaAt(x, 'propertyNames')), side: o.side }, { node: stringy(schemaAt(y, 'propertyNames')), side: n.side }, appendPointer(at, 'propertyNames'));
  }
  compareLimit(context, { at, keyword: 'maxProperties', prefix: 'MAX_PROPERTIES', upper: true, old: numberAt(x, 'maxProperties'), next: numberAt(y, 'maxProperties'), absent: Infinity });
  compareLimit(context, { at, keyword: 'minProperties', prefix: 'MIN_PROPERTIES', upper: false, old: numberAt(x, 'minProperties'), next: numberAt(y, 'minProperties'), absent: 0 });
  compareDependencies(context, o, n, at);
}

function compareProperties(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const px = schemaMapAt(asObject(o), 'properties');
  const py = schemaMapAt(asObject(n), 'properties');
  const names = [...Object.keys(px), ...Object.keys(py).filter((name) => !Object.hasOwn(px, name))];
  for (const name of names) {
    const pointer = appendPointer(at, 'properties', name);
    const before = Object.hasOwn(px, name) ? px[name] : undefined;
    const after = Object.hasOwn(py, name) ? py[name] : undefined;
    if (before !== undefined && after !== undefined) context.compare({ node: before, side: o.side }, { node: after, side: n.side }, pointer);
    else if (after !== undefined) propertyAdded(context, o, n, name, { node: after, side: n.side }, pointer);
    else if (before !== undefined) propertyRemoved(context, o, n, name, { node: before, side: o.side }, pointer);
  }
}

const newlyRequired = (from: JsonSchemaObject, to: JsonSchemaObject, name: string) => requiredAt(to).has(name) && !requiredAt(from).has(name);
const hasDefault = (schema: JsonSchema) => typeof schema === 'object' && 'default' in schema;

/** A property declared only in the new schema: what did the old schema say about that name? */
function propertyAdded(context: DiffContext, o: Cursor, n: Cursor, name: string, property: Cursor, pointer: string): void {
  const old = governorOf(o, name);
  const required = newlyRequired(asObject(o), asObject(n), name);
  // Swapped, this is the property disappearing from the old schema: judged by the old model.
  const forward = context.forwardCheck(() => within(context, property, old));
  const forwardType: ChangeType =
    old.kind === 'open' ? 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL' : old.kind === 'closed' ? (isFalse(property.node) ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL') : forward ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
  const forwardNote = forward ? '' : `; readers still on the old schema (${modelName(old)}) reject "${name}"`;
  const requiredNote = `"${name}" is required, so every value written without it is rejected now`;
  const withDefault = hasDefault(property.node) ? ' (its default is not filled in by validators)' : '';
  if (old.kind === 'open') {
    const [type, backward, why]: [ChangeType, boolean, string] = required
      ? [hasDefault(property.node) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', false, `: ${requiredNote}${withDefault}`]
      : isTrivial(property.node)
        ? ['PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', true, '']
        : ['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', false, `: the old object was open, so old values may hold "${name}" with any value, which the new schema can reject`];
    context.emit(type, pointer, { backward, forward, forwardType }, `property "${name}" added to an open object${why}${forwardNote}`);
    return;
  }
  if (old.kind === 'partial') {
    const covered = covers(context, old, property);
    const why = covered ? '' : `: old values may hold "${name}" as ${old.what} allowed, which the new property schema rejects${whyNotWithin(context, old.schemas[0]!, { kind: 'partial', schemas: [property], what: '' })}`;
    context.emit(covered ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', pointer, { backward: covered, forward, forwardType }, `property "${name}" added where ${old.what} governed it${why}${forwardNote}`);
  }
  const type: ChangeType = required ? (hasDefault(property.node) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL') : 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL';
  const why = required ? `: ${requiredNote}${withDefault}` : '';
  context.emit(type, pointer, { backward: !required, forward, forwardType }, `${required ? 'required' : 'optional'} property "${name}" added to a ${old.kind === 'closed' ? 'closed' : 'partially open'} object${why}${forwardNote}`);
}

/** A property declared only in the old schema: what does the new schema say about that name? */
function propertyRemoved(context: DiffContext, o: Cursor, n: Cursor, name: string, property: Cursor, pointer: string): void {
  const next = governorOf(n, name);
  const backward = within(context, property, next);
  // Swapped, this is the property being added to the new schema's model.
  const wasRequired = newlyRequired(asObject(n), asObject(o), name);
  const forward = context.forwardCheck(() => !wasRequired && covers(context, next, property));
  const forwardType: ChangeType = wasRequired
    ? next.kind === 'open' ? 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL'
    : next.kind === 'open' ? (forward ? 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL')
      : next.kind === 'closed' ? 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL'
        : forward ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
  const forwardNote = forward ? '' : wasRequired ? `; readers still on the old schema require "${name}"` : `; readers still on the old schema may reject "${name}" as the new schema allows it`;
  let type: ChangeType;
  let why = '';
  if (next.kind === 'open') type = 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL';
  else if (next.kind === 'closed') {
    type = backward ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL';
    if (!backward) why = `: the new object is closed, so values written with "${name}" are rejected now`;
  } else {
    type = backward ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
    if (!backward) why = `: ${next.what} now decides "${name}" and rejects values the old property allowed${whyNotWithin(context, property, next)}`;
  }
  context.emit(type, pointer, { backward, forward, forwardType }, `property "${name}" removed from ${next.kind === 'open' ? 'an open' : next.kind === 'closed' ? 'a closed' : 'a partially open'} object${why}${forwardNote}`);
}

function compareRequired(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string): void {
  const px = schemaMapAt(x, 'properties');
  const py = schemaMapAt(y, 'properties');
  const rx = requiredAt(x);
  const ry = requiredAt(y);
  for (const name of ry) {
    // A property that is new and required is reported once, as a required property added.
    if (rx.has(name) || (Object.hasOwn(py, name) && !Object.hasOwn(px, name))) continue;
    const withDefault = Object.hasOwn(py, name) && hasDefault(py[name]!);
    context.emit(withDefault ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED' : 'REQUIRED_ATTRIBUTE_ADDED', appendPointer(at, 'required', name), { backward: false, forward: true, forwardType: 'REQUIRED_ATTRIBUTE_REMOVED' }, `"${name}" is required now: values written without it are rejected${withDefault ? ' (its default is not filled in by validators)' : ''}`);
  }
  for (const name of rx) {
    if (ry.has(name) || (Object.hasOwn(px, name) && !Object.hasOwn(py, name))) continue;
    context.emit('REQUIRED_ATTRIBUTE_REMOVED', appendPointer(at, 'required', name), { backward: true, forward: false, forwardType: 'REQUIRED_ATTRIBUTE_ADDED' }, `"${name}" is optional now: readers still on the old schema reject values without it`);
  }
}
