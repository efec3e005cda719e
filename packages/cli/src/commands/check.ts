// `factline check`: meta-schema, lint rules, mappings and warehouse rules, every problem at once.
import { countBySeverity, findProjectRoot, formatProblem, hasErrors, loadCatalog, sortProblems, type Problem } from '@factline/catalog';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';

export interface CheckOptions {
  json?: boolean;
}

/** Extra checks other packages contribute (warehouse column rules, …), run on a loaded catalog. */
export type CatalogCheck = (catalog: Awaited<ReturnType<typeof loadCatalog>>['catalog']) => Problem[] | Promise<Problem[]>;

export async function runCheck(io: CliIo, options: CheckOptions, extraChecks: readonly CatalogCheck[] = []): Promise<void> {
  const root = await findProjectRoot(io.cwd);
  const { catalog, problems: catalogProblems } = await loadCatalog(root);
  const problems = [...catalogProblems];
  // Later checks need a sound model; run them only when the schemas themselves are sound.
  if (!hasErrors(catalogProblems)) for (const check of extraChecks) problems.push(...(await check(catalog)));
  const sorted = sortProblems(problems);
  const counts = countBySeverity(sorted);
  if (options.json) {
    io.out(JSON.stringify({ ok: !hasErrors(sorted), counts, problems: sorted }, null, 2));
  } else {
    for (const problem of sorted) io.out(formatProblem(problem));
    const files = new Set(sorted.map((p) => p.file)).size;
    const summary = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info(s)`;
    io.out(
      sorted.length === 0
        ? `✔ ${catalog.entities.length} entities, ${catalog.events.length} event versions, ${catalog.facts.length} fact versions: no problems`
        : `${hasErrors(sorted) ? '✖' : '⚠'} ${summary} in ${files} file(s)`,
    );
  }
  if (hasErrors(sorted)) throw new CliExit(1);
}

export function registerCheck(program: Command, io: CliIo, extraChecks: readonly CatalogCheck[]): void {
  program
    .command('check')
    .description('check every schema: JSON syntax, layout and ids, JSON Schema meta-schema, $refs, lint rules, mappings, warehouse rules; exits 1 on any error')
    .option('--json', 'print the problems as JSON (for machines)')
    .addHelpText('after', '\nEvery problem names the file, line and column, the JSON Pointer and the rule id.\nRule ids and their rationale: generated/docs/lint-rules.md')
    .action(async (options: CheckOptions) => runCheck(io, options, extraChecks));
}
