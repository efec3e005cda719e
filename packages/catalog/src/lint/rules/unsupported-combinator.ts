import { isSchemaObject } from '../../schema/walk.js';
import type { LintRule } from '../rule.js';

const combinators = ['anyOf', 'oneOf', 'allOf', 'not', 'if', 'patternProperties', 'dependentSchemas'] as const;

export const unsupportedCombinator: LintRule = {
  id: 'unsupported-combinator',
  severity: 'warning',
  configurable: true,
  appliesTo: ['fact'],
  summary: 'Fact value schemas avoid anyOf/oneOf/allOf/not/if and patternProperties.',
  rationale:
    'A fact value becomes typed warehouse columns. A union or a conditional has no single column type, so factline ' +
    'stores such a value as JSON text (SUPER in Redshift) that analysts must parse, and mapping checks cannot prove ' +
    'that an event fits it. Split the alternatives into separate facts instead.',
  check(node, context) {
    if (!isSchemaObject(node)) return;
    for (const keyword of combinators) {
      if (keyword in node) context.report(`"${keyword}" in a fact value cannot become typed columns; the value will be stored as JSON text`, `${context.node.pointer}/${keyword}`);
    }
  },
};
