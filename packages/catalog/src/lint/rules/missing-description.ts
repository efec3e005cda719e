import { isSchemaObject } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const missingDescription: LintRule = {
  id: 'missing-description',
  severity: 'warning',
  configurable: true,
  appliesTo: allRoles,
  summary: 'The schema and each of its properties have a description.',
  rationale:
    'Descriptions become the JSDoc of the generated types, the COMMENT ON of warehouse tables and columns, and the ' +
    'catalog docs. An analyst reading `max_guests` in Redshift should not have to find the service that emits it ' +
    'to learn what it means.',
  check(node, context) {
    if (!isSchemaObject(node)) return;
    const isRoot = context.node.pointer === '';
    const isProperty = context.node.via === 'properties';
    if (!isRoot && !isProperty) return;
    if (typeof node['description'] === 'string' && node['description'].trim() !== '') return;
    context.report(isRoot ? 'the schema has no description' : `property "${context.node.propertyName}" has no description`);
  },
};
