import { isSchemaObject, typesOf } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

const keywordsByType: Record<string, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'additionalItems'],
  object: ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties'],
};

export const keywordTypeMismatch: LintRule = {
  id: 'keyword-type-mismatch',
  severity: 'error',
  configurable: false,
  appliesTo: allRoles,
  summary: 'Keywords only appear where the declared type uses them (no maxLength on an integer).',
  rationale:
    'JSON Schema ignores a keyword that does not apply to the value\'s type, so `{"type": "integer", "maxLength": 5}` ' +
    'limits nothing. It is always a mistake: the author meant a different type or a different keyword.',
  check(node, context) {
    if (!isSchemaObject(node) || node['type'] === undefined) return;
    const types = typesOf(node);
    if (types === undefined) return;
    const allowed = new Set<string>();
    for (const type of types) for (const keyword of keywordsByType[type === 'integer' ? 'number' : type] ?? []) allowed.add(keyword);
    for (const [type, keywords] of Object.entries(keywordsByType)) {
      for (const keyword of keywords) {
        if (keyword in node && !allowed.has(keyword)) {
          context.report(`"${keyword}" applies to ${type === 'number' ? 'numbers' : `${type}s`}, but the type here is ${[...types].join(' or ')}`, `${context.node.pointer}/${keyword}`);
        }
      }
    }
  },
};
