// generated/docs/lint-rules.md: every rule id `factline check` can print, with its severity and rationale.
import { lintRules, structuralRules } from '@factline/catalog';
import type { Generator } from '../generator.js';
import { warehouseRules } from '../warehouse/rules.js';
import { markdownHeader } from '../header.js';

export const rulesDocsGenerator: Generator = {
  name: 'rules-docs',
  description: 'generated/docs/lint-rules.md: every check and lint rule with its rationale',
  owns: [],
  generate() {
    const out = [markdownHeader(['packages/catalog/src/lint', 'packages/catalog/src/structural-rules.ts', 'packages/codegen/src/warehouse/rules.ts']), '# Checks and lint rules', ''];
    out.push(
      '`pnpm factline check` runs all of them and lists every finding as `file:line:column  severity  rule  pointer`, then the message.',
      'Errors fail the check (exit code 1); warnings and infos do not. Rules marked configurable can be lowered or turned off per project in',
      '`factline.config.json` (`"lint": { "rules": { "<rule-id>": "warning" | "info" | "off" } }`).',
      '',
      '## Lint rules (applied to every schema node)',
      '',
    );
    for (const rule of lintRules) {
      out.push(`### \`${rule.id}\``, '', `**${rule.severity}**${rule.configurable ? ' (configurable)' : ''} · applies to: ${rule.appliesTo.join(', ')}`, '', rule.summary, '', rule.rationale, '');
    }
    out.push('## Structural checks (files, ids, references, mappings)', '');
    for (const rule of structuralRules) out.push(`### \`${rule.id}\``, '', `**${rule.severity}**`, '', rule.summary, '', rule.rationale, '');
    out.push('## Warehouse checks (columns, names, changes the warehouse cannot follow)', '');
    for (const rule of warehouseRules) out.push(`### \`${rule.id}\``, '', `**${rule.severity}**`, '', rule.summary, '', rule.rationale, '');
    return [{ path: 'generated/docs/lint-rules.md', content: out.join('\n') }];
  },
};
