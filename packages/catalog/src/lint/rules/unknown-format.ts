import { knownFormats } from '../../schema/dialects.js';
import { isSchemaObject } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

const known = new Set<string>(knownFormats);

export const unknownFormat: LintRule = {
  id: 'unknown-format',
  severity: 'error',
  configurable: false,
  appliesTo: allRoles,
  summary: `format is one of: ${knownFormats.join(', ')}.`,
  rationale:
    'An unknown format is silently ignored by most validators, so the schema promises a check that never happens ' +
    '(a typo like "date_time" or "ivp6" validates nothing). factline validates every format it accepts, ' +
    'at the producer and in the transformer, and maps each to a warehouse type.',
  check(node, context) {
    if (!isSchemaObject(node) || typeof node['format'] !== 'string') return;
    if (!known.has(node['format'])) context.report(`unknown format "${node['format']}"; use one of ${knownFormats.join(', ')}, or a "pattern"`, `${context.node.pointer}/format`);
  },
};
