// `factline check`: meta-schema, lint rules, mappings and warehouse rules, every problem at once; with `--base <ref>`,
// also the evolution gate: every schema against its state at a git ref, judged by the policy of its kind.
import { countBySeverity, findProjectRoot, formatProblem, hasErrors, loadCatalog, sortProblems, type Problem } from '@factline/catalog';
import type { Command } from 'commander';
import { EvolutionError } from '../evolution/errors.js';
import { formatEvolutionReport } from '../evolution/format.js';
import { runEvolutionGate } from '../evolution/gate.js';
import type { EvolutionReport } from '../evolution/report.js';
import { CliExit, type CliIo } from '../io.js';

export interface CheckOptions {
  json?: boolean;
  /** A git ref to compare the schemas with (the evolution gate); absent = no comparison. */
  base?: string;
}

/** Extra checks other packages contribute (warehouse column rules, …), run on a loaded catalog. */
export type CatalogCheck = (catalog: Awaited<ReturnType<typeof loadCatalog>>['catalog']) => Problem[] | Promise<Problem[]>;

async function evolutionSince(root: string, base: string, head: Awaited<ReturnType<typeof loadCatalog>>): Promise<EvolutionReport> {
  try {
    return await runEvolutionGate(root, { base, head });
  } catch (error) {
    if (error instanceof EvolutionError) throw new CliExit(1, `factline check --base: ${error.message}`);
    throw error;
  }
}

export async function runCheck(io: CliIo, options: CheckOptions, extraChecks: readonly CatalogCheck[] = []): Promise<void> {
  const root = await findProjectRoot(io.cwd);
  const loaded = await loadCatalog(root);
  const { catalog, problems: catalogProblems } = loaded;
  const problems = [...catalogProblems];
  // Later checks need a sound model; run them only when the schemas themselves are sound.
  if (!hasErrors(catalogProblems)) for (const check of extraChecks) problems.push(...(await check(catalog)));
  const sorted = sortProblems(problems);
  const counts = countBySeverity(sorted);
  const evolution = options.base === undefined ? undefined : await evolutionSince(root, options.base, loaded);
  const ok = !hasErrors(sorted) && (evolution?.ok ?? true);
  if (options.json) {
    io.out(JSON.stringify({ ok, counts, problems: sorted, ...(evolution === undefined ? {} : { evolution }) }, null, 2));
  } else {
    for (const problem of sorted) io.out(formatProblem(problem));
    const files = new Set(sorted.map((p) => p.file)).size;
    const summary = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info(s)`;
    io.out(
      sorted.length === 0
        ? `✔ ${catalog.entities.length} entities, ${catalog.events.length} event versions, ${catalog.facts.length} fact versions: no problems`
        : `${hasErrors(sorted) ? '✖' : '⚠'} ${summary} in ${files} file(s)`,
    );
    if (evolution !== undefined) io.out(`\n${formatEvolutionReport(evolution)}`);
  }
  if (!ok) throw new CliExit(1);
}

export function registerCheck(program: Command, io: CliIo, extraChecks: readonly CatalogCheck[]): void {
  program
    .command('check')
    .description('check every schema: JSON syntax, layout and ids, JSON Schema meta-schema, $refs, lint rules, mappings, warehouse rules; exits 1 on any error')
    .option('--json', 'print the problems (and the evolution report) as JSON (for machines)')
    .option('--base <ref>', 'also compare every schema with its state at this git ref (branch, tag, commit, HEAD~1) under the policy of its kind, and require a changeset that matches; exits 1 on a breaking change or a missing changeset')
    .addHelpText(
      'after',
      [
        '',
        'Every problem names the file, line and column, the JSON Pointer and the rule id.',
        'Rule ids and their rationale: generated/docs/lint-rules.md',
        'Which schema changes are safe, and what to do about the others: docs/evolving-schemas.md',
      ].join('\n'),
    )
    .action(async (options: CheckOptions) => runCheck(io, options, extraChecks));
}
