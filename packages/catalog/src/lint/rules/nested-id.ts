import { isSchemaObject } from '../../schema/walk.js';
import { factlineRoles, type LintRule } from '../rule.js';

export const nestedId: LintRule = {
  id: 'nested-id',
  severity: 'warning',
  configurable: true,
  appliesTo: factlineRoles,
  summary: 'Only the root of a file has an $id; shared definitions live in schemas/common/.',
  rationale:
    'A nested $id changes the base URI of every $ref below it, so the same relative reference means different ' +
    'things in different places of one file. Put a shared definition in its own file under schemas/common/ and ' +
    'reference it by relative path.',
  check(node, context) {
    if (context.node.pointer === '' || !isSchemaObject(node) || typeof node['$id'] !== 'string') return;
    context.report(`nested "$id" (${node['$id']}) changes how $refs below it resolve; move the definition to schemas/common/`, `${context.node.pointer}/$id`);
  },
};
