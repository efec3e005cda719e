import { isSchemaObject } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const requiredNotDefined: LintRule = {
  id: 'required-not-defined',
  severity: 'error',
  configurable: false,
  appliesTo: allRoles,
  summary: 'Every name in "required" is defined in "properties".',
  rationale:
    'A required property that is not defined has no type, no description and no column. In a closed object it ' +
    'makes every instance invalid; in an open one it is almost always a typo or a property that was renamed ' +
    'without updating "required".',
  check(node, context) {
    if (!isSchemaObject(node) || !Array.isArray(node['required'])) return;
    const properties = isSchemaObject(node['properties']) ? node['properties'] : {};
    if (isSchemaObject(node['patternProperties']) || isSchemaObject(node['additionalProperties'])) return;
    node['required'].forEach((name, index) => {
      if (typeof name === 'string' && !(name in properties)) context.report(`"${name}" is required but not defined in "properties"`, `${context.node.pointer}/required/${index}`);
    });
  },
};
