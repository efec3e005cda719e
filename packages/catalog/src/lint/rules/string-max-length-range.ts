import { isSchemaObject } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const stringMaxLengthRange: LintRule = {
  id: 'string-max-length-range',
  severity: 'warning',
  configurable: true,
  appliesTo: allRoles,
  summary: 'maxLength is at most 16383 characters (65535 bytes, the largest Redshift VARCHAR, at 4 bytes a character).',
  rationale:
    'VARCHAR(MAX) in Redshift is 65,535 bytes, and a UTF-8 character takes up to 4 bytes. factline sizes a column as ' +
    'maxLength × 4 bytes so that no valid value is ever rejected; above 16,383 characters that cannot be guaranteed ' +
    'and the column is capped at 65,535 bytes. Long texts usually belong in the object store with a reference in the ' +
    'event, not in a warehouse column.',
  check(node, context) {
    if (!isSchemaObject(node) || typeof node['maxLength'] !== 'number') return;
    if (node['maxLength'] > 16383) {
      context.report(`maxLength ${node['maxLength']} can exceed 65535 bytes (the largest Redshift VARCHAR) in UTF-8; keep it at 16383 or less`, `${context.node.pointer}/maxLength`);
    }
  },
};
