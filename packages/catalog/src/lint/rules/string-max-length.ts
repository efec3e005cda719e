import { isSchemaObject, typesOf } from '../../schema/walk.js';
import { allRoles, type LintRule } from '../rule.js';

/** Formats whose values have a known maximum length, so they size a column without `maxLength`. */
const boundedFormats = new Set(['date-time', 'date', 'time', 'uuid', 'ipv4', 'ipv6']);

export const stringMaxLength: LintRule = {
  id: 'string-max-length',
  severity: 'error',
  configurable: true,
  appliesTo: allRoles,
  summary: 'Every string has a maxLength (unless an enum, a const or a bounded format limits it).',
  rationale:
    'A Redshift VARCHAR is sized in bytes when the table is created, and widening it later is a migration. A string ' +
    'without maxLength can only become VARCHAR(65535), which wastes memory in every query that touches it, or a ' +
    'guess that truncates or rejects real data. Giving the bound in the schema makes the producer reject an oversized ' +
    'value at the call site, where it can be fixed, instead of in a failed COPY hours later. Formats with a fixed size ' +
    '(date-time, date, time, uuid, ipv4, ipv6) and enums are already bounded.',
  check(node, context) {
    if (!isSchemaObject(node) || !typesOf(node)?.has('string')) return;
    if (typeof node['maxLength'] === 'number' || 'enum' in node || 'const' in node) return;
    if (typeof node['format'] === 'string' && boundedFormats.has(node['format'])) return;
    context.report(`this string has no maxLength, so its warehouse column cannot be sized; add "maxLength" (in characters)`);
  },
};
