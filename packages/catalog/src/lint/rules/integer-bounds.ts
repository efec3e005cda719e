import { isSchemaObject, typesOf } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const integerBounds: LintRule = {
  id: 'integer-bounds',
  severity: 'warning',
  configurable: true,
  appliesTo: allRoles,
  summary: 'Integers have both a minimum and a maximum.',
  rationale:
    'factline sizes an integer column from both bounds (SMALLINT, INTEGER or BIGINT). Without them the column is ' +
    'BIGINT, and widening a column later is a breaking change in Redshift, so choose the range up front. Bounds ' +
    'also catch nonsense (a negative number of guests) at the producer.',
  check(node, context) {
    if (!isSchemaObject(node) || !typesOf(node)?.has('integer') || 'enum' in node || 'const' in node) return;
    const hasMin = typeof node['minimum'] === 'number' || typeof node['exclusiveMinimum'] === 'number';
    const hasMax = typeof node['maximum'] === 'number' || typeof node['exclusiveMaximum'] === 'number';
    if (!hasMin || !hasMax) context.report(`this integer has no ${!hasMin && !hasMax ? 'minimum or maximum' : !hasMin ? 'minimum' : 'maximum'}; give both so its column can be sized`);
  },
};
