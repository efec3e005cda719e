import { isSchemaObject } from '../../schema/walk.js';
import type { LintRule } from '../rule.js';

export const rootObject: LintRule = {
  id: 'root-object',
  severity: 'error',
  configurable: false,
  appliesTo: ['event', 'envelope'],
  summary: 'An event payload (and the envelope) is an object with properties.',
  rationale:
    'Mappings point into the payload by property, producers build it as an object, and the envelope carries it in ' +
    'its "payload" object. A scalar or array payload cannot be extended later without a breaking change.',
  check(node, context) {
    if (context.node.pointer !== '') return;
    if (!isSchemaObject(node) || node['type'] !== 'object' || !isSchemaObject(node['properties'])) {
      context.report('the root must be { "type": "object", "properties": { … } }');
    }
  },
};
