import { isSchemaObject, jsonTypeOf, typesOf } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

export const enumType: LintRule = {
  id: 'enum-type',
  severity: 'error',
  configurable: false,
  appliesTo: allRoles,
  summary: 'Every enum value has one of the declared types.',
  rationale:
    'An enum value of the wrong type (`"3"` in an integer enum, `null` without `"null"` in the type) can never be ' +
    'valid, so the author believes a value is allowed that every validator rejects.',
  check(node, context) {
    if (!isSchemaObject(node) || !Array.isArray(node['enum']) || node['type'] === undefined) return;
    const declared = typesOf({ type: node['type'] });
    if (declared === undefined) return;
    node['enum'].forEach((value, index) => {
      const type = jsonTypeOf(value);
      if (!declared.has(type) && !(type === 'integer' && declared.has('number'))) {
        context.report(`enum value ${JSON.stringify(value)} is ${type === 'null' ? 'null' : (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)}, not ${[...declared].join(' or ')}`, `${context.node.pointer}/enum/${index}`);
      }
    });
  },
};
