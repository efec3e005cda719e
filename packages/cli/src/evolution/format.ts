// The evolution report as text for people: each changed schema, each change with its verdict, the policy that judged
// it and the way out, then the changeset the changes need (with the exact file to add when it is missing).
import type { EvolutionChange, EvolutionReport, SchemaEvolution } from './report.js';

/** Way-out texts come from several places; print each as one sentence. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? 'yes' : 'no');
const indent = (text: string, by: string) => text.replace(/\n$/, '').split('\n').map((line) => by + line).join('\n');

function formatChange(change: EvolutionChange): string {
  const mark = change.verdict === 'breaking' ? '✖' : '✔';
  const where = change.pointer === '' ? '(file)' : change.pointer;
  const against = change.against === 'base' ? '' : `, against ${change.against}`;
  const lines = [`  ${mark} ${change.verdict.padEnd(11)} ${change.type}  ${where}  backward: ${yesNo(change.backward)}  forward: ${yesNo(change.forward)}  [${change.judgedBy}${against}]`, indent(change.message, '      ')];
  if (change.through !== undefined) lines.push(`      through: ${change.through.join(', ')}`);
  if (change.wayOut !== undefined) lines.push(`      way out: ${sentence(change.wayOut)}`);
  return lines.join('\n');
}

function formatSchema(schema: SchemaEvolution): string {
  const head = `${schema.file}  ${schema.name}  ${schema.status}  [${schema.policy}]`;
  if (schema.judgedIn !== undefined) return `${head}\n  judged where it is used: ${schema.judgedIn.join(', ')}`;
  return [head, ...schema.changes.map(formatChange)].join('\n');
}

function formatChangeset(report: EvolutionReport): string[] {
  const { changeset } = report;
  const lines: string[] = [];
  for (const file of changeset.found.filter((f) => f.problem !== undefined)) lines.push(`⚠ ${file.file} cannot be read, so it counts for nothing: ${file.problem}`);
  if (changeset.required === undefined) return lines;
  const needs = changeset.packages.map((pkg) => `"${pkg}": ${changeset.required}`).join(', ');
  if (report.counts.breaking > 0) {
    lines.push(`✖ changeset: breaking changes would need ${needs}, but no changeset makes them land: resolve them first, then the gate says which changeset to add`);
    return lines;
  }
  if (changeset.ok) {
    const files = changeset.found.filter((f) => f.releases.some((r) => changeset.packages.includes(r.package))).map((f) => f.file);
    lines.push(`✔ changeset: the changes need ${needs}; covered by ${files.join(', ')}`);
    return lines;
  }
  for (const missing of changeset.missing) {
    const found = missing.found === undefined ? 'no changeset added since the base releases it' : `the changesets added since the base bump it only ${missing.found}`;
    lines.push(`✖ changeset: the schema changes need "${missing.package}": ${missing.required}, but ${found}.`);
  }
  if (changeset.suggestion !== undefined) {
    lines.push(`  Add ${changeset.suggestion.path} (reword the sentence for the changelog if you like):`, '', indent(changeset.suggestion.content, '    '), '');
  }
  return lines;
}

/**
 * The report as text.
 *
 * @example
 * io.out(formatEvolutionReport(await runEvolutionGate(root, { base: 'HEAD~1' })));
 */
export function formatEvolutionReport(report: EvolutionReport): string {
  const since = `${report.base.ref} (${report.base.short}${report.base.subject ? ` "${report.base.subject}"` : ''})`;
  const lines = [`Schema evolution since ${since}:`, ''];
  for (const schema of report.schemas) lines.push(formatSchema(schema), '');
  if (report.notes.length > 0) lines.push('Notes:', ...report.notes.map((note) => `  - ${note}`), '');
  const { breaking, additive, description } = report.counts;
  if (report.schemas.length === 0) lines.push(`✔ no schema changed since ${report.base.ref}`);
  else lines.push(`${breaking > 0 ? '✖' : '✔'} ${report.schemas.length} schema file(s) changed: ${breaking} breaking, ${additive} additive, ${description} description-only change(s)`);
  if (breaking > 0) lines.push('✖ a breaking change cannot land: keep the data already written readable (each breaking change above says the way out)');
  lines.push(...formatChangeset(report));
  return lines.join('\n');
}
