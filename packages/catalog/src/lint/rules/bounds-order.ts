import { isSchemaObject } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

const pairs = [
  ['minimum', 'maximum'],
  ['exclusiveMinimum', 'exclusiveMaximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
] as const;

export const boundsOrder: LintRule = {
  id: 'bounds-order',
  severity: 'error',
  configurable: false,
  appliesTo: allRoles,
  summary: 'Lower bounds are not above upper bounds (minimum ≤ maximum, minLength ≤ maxLength, …).',
  rationale: 'A schema whose lower bound is above its upper bound admits no value at all: every event would be rejected.',
  check(node, context) {
    if (!isSchemaObject(node)) return;
    for (const [low, high] of pairs) {
      const a = node[low];
      const b = node[high];
      if (typeof a === 'number' && typeof b === 'number' && a > b) context.report(`${low} (${a}) is greater than ${high} (${b}): no value can satisfy both`, `${context.node.pointer}/${low}`);
    }
  },
};
