import { isSchemaObject, typesOf } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const numberPrecision: LintRule = {
  id: 'number-precision',
  severity: 'warning',
  configurable: true,
  appliesTo: allRoles,
  summary: 'A non-integer number has a multipleOf (it becomes an exact DECIMAL) or is an integer.',
  rationale:
    'A plain "number" loads as DOUBLE PRECISION, which cannot hold 0.1 exactly: sums of prices drift by cents. ' +
    'factline represents money as integer minor units (see schemas/common/money.json); other decimals should declare ' +
    'their precision with multipleOf (0.01, 0.001, …), which becomes DECIMAL with that scale.',
  check(node, context) {
    if (!isSchemaObject(node) || 'enum' in node || 'const' in node) return;
    const types = typesOf(node);
    if (!types?.has('number') || typeof node['multipleOf'] === 'number') return;
    context.report('this number has no multipleOf, so it loads as an inexact DOUBLE PRECISION; use an integer (e.g. minor units) or give "multipleOf"');
  },
};
