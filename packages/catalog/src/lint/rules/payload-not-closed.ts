import { isSchemaObject, typesOf } from '../../schema/walk.js';
import type { LintRule } from '../rule.js';

export const payloadNotClosed: LintRule = {
  id: 'payload-not-closed',
  severity: 'error',
  configurable: true,
  appliesTo: ['event', 'common'],
  summary: 'Every object in an event payload is closed: "additionalProperties": false.',
  rationale:
    'An open payload accepts properties that no schema describes, no mapping reads and no compatibility check ' +
    'sees: a typo in a producer (`emial`) passes validation and the value is lost. Closed payloads also make the ' +
    'compatibility checker exact: adding an optional property to a closed schema is a safe change, which it is not ' +
    'for an open one.',
  check(node, context) {
    if (!isSchemaObject(node)) return;
    const types = typesOf(node);
    const isObject = types?.has('object') || (types === undefined && isSchemaObject(node['properties']));
    if (!isObject || '$ref' in node) return;
    if (node['additionalProperties'] === false || node['unevaluatedProperties'] === false) return;
    context.report('this object is open; add "additionalProperties": false so that unknown properties are rejected');
  },
};
