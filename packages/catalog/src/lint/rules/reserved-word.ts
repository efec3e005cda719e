import { snakeCase } from '../../naming.js';
import { isSchemaObject } from '../../schema/walk.js';
import { redshiftReservedWords } from '../redshift-reserved-words.js';
import type { LintRule } from '../rule.js';

export const reservedWord: LintRule = {
  id: 'reserved-word',
  severity: 'warning',
  configurable: true,
  // In a factline catalog, property names never become columns on their own (a fact's columns are prefixed with
  // its name), so only generic schemas are checked here; fact names are checked in load/cross-checks.ts.
  appliesTo: ['generic'],
  summary: 'No column is named like a Redshift reserved word: a property (generic schemas) or a scalar fact (factline).',
  rationale:
    'factline quotes such names in the DDL it generates, so loading works, but every analyst who writes ' +
    '`select timestamp from …` gets a syntax error and has to learn to quote the column. Naming it ' +
    '`happened_at` or `user_id` costs nothing now and saves that everywhere later.',
  check(node, context) {
    if (!isSchemaObject(node) || !isSchemaObject(node['properties'])) return;
    for (const name of Object.keys(node['properties'])) {
      const column = snakeCase(name);
      if (redshiftReservedWords.has(column)) {
        context.report(`"${name}" becomes the column "${column}", a Redshift reserved word that every query must quote; choose another name`, `${context.node.pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  },
};
