import { snakeCase } from '../../naming.js';
import { isSchemaObject } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const snakeCaseCollision: LintRule = {
  id: 'snake-case-collision',
  severity: 'error',
  configurable: false,
  appliesTo: allRoles,
  summary: 'No two properties of one object have the same snake_case name.',
  rationale:
    'Warehouse columns are the snake_case of property names, so `postalCode` and `postal_code` would both become ' +
    '`postal_code`. Snowplow renames or silently drops one of them; factline refuses, because either choice loads ' +
    'the wrong data into a column that analysts trust.',
  check(node, context) {
    if (!isSchemaObject(node) || !isSchemaObject(node['properties'])) return;
    const seen = new Map<string, string>();
    for (const name of Object.keys(node['properties'])) {
      const column = snakeCase(name);
      const other = seen.get(column);
      if (other !== undefined) context.report(`"${other}" and "${name}" both become the column "${column}"; rename one of them`, `${context.node.pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      else seen.set(column, name);
    }
  },
};
