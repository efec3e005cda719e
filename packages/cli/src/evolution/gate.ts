// The evolution gate: the working tree's schemas against a base commit. Each change is judged by the policy of its
// kind (and the warehouse, for facts and entities), and the changesets added since the base must cover the bump.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, loadCatalog, policyFor, policyLabel, type LoadCatalogResult } from '@factline/catalog';
import { judgeChangesets } from './changesets.js';
import { compareCatalogs } from './compare.js';
import { nameOf } from './file-changes.js';
import { GitRepository } from './git.js';
import { loadSchemaHistory } from './history.js';
import type { EvolutionReport, SchemaEvolution } from './report.js';
import { loadBaseSnapshot } from './snapshot.js';
import { bumpOf, countVerdicts, worstVerdict } from './verdicts.js';
import { judgeWarehouse, type WarehouseVerdict } from './warehouse.js';

/**
 * Options of `runEvolutionGate`. Defaults: the head catalog is loaded from `root`; the packages are the one in
 * `packages/events` (else `@factline/events`); the history is walked.
 *
 * @example
 * await runEvolutionGate(root, { base: 'origin/main', packages: ['@acme/events'] });
 */
export interface EvolutionGateOptions {
  /** A git ref: branch, tag, commit, `HEAD~1`. */
  base: string;
  /** The working tree's catalog, when it is already loaded. */
  head?: LoadCatalogResult;
  /** The packages whose generated code follows the schemas, which need the changeset. */
  packages?: readonly string[];
  /** Compare transitive policies with every earlier state on the base's first-parent history, not only the base. */
  history?: boolean;
}

/** The package the events generator writes into, as its package.json names it. */
async function defaultPackages(root: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await readFile(path.join(root, 'packages/events/package.json'), 'utf8')) as { name?: unknown };
    if (typeof manifest.name === 'string' && manifest.name !== '') return [manifest.name];
  } catch {
    // No events package in this project: the published one is what changes.
  }
  return ['@factline/events'];
}

function addRefusals(schemas: SchemaEvolution[], warehouse: WarehouseVerdict, head: LoadCatalogResult): SchemaEvolution[] {
  const byFile = new Map(schemas.map((schema) => [schema.file, schema]));
  for (const { file, change } of warehouse.refusals) {
    let schema = byFile.get(file);
    if (schema === undefined) {
      const document = [...head.catalog.documents.values()].find((d) => d.file === file);
      schema = document
        ? { file, kind: document.kind, name: nameOf(head.catalog, document), status: 'changed', policy: policyLabel(document.kind), verdict: undefined, changes: [] }
        : { file, kind: 'config', name: path.posix.basename(file), status: 'changed', policy: 'warehouse', verdict: undefined, changes: [] };
      byFile.set(file, schema);
    }
    schema.changes.push(change);
    schema.verdict = worstVerdict(schema.changes);
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The deploy order the accepted changes need: readers before writers, the warehouse before the transformer. */
function deployOrder(schemas: readonly SchemaEvolution[]): string[] {
  const accepted = schemas.filter((schema) => schema.verdict !== 'breaking');
  const notes: string[] = [];
  if (accepted.some((schema) => schema.kind === 'event' && schema.changes.some((change) => change.forward === false))) {
    notes.push(`deploy order: some event changes are not forward compatible, so ${policyFor('event').deployOrder}`);
  }
  if (accepted.some((schema) => schema.kind === 'fact' && schema.verdict === 'additive')) notes.push(`deploy order for fact changes: ${policyFor('fact').deployOrder}`);
  return notes;
}

/**
 * Compares the working tree's schemas with those of a base commit and judges every change. Throws EvolutionError
 * when there is no git, no repository, or no such base; schema changes, however bad, are the report.
 *
 * @example
 * const report = await runEvolutionGate(process.cwd(), { base: 'HEAD~1' });
 * if (!report.ok) console.log(formatEvolutionReport(report));
 */
export async function runEvolutionGate(root: string, options: EvolutionGateOptions): Promise<EvolutionReport> {
  const repository = await GitRepository.open(root);
  const commit = await repository.resolveCommit(options.base);
  const head = options.head ?? (await loadCatalog(root));
  const base = await loadBaseSnapshot(repository, commit);
  const notes: string[] = [];
  if (base.loaded.catalog.documents.size === 0) notes.push(`there are no schemas at the base (${commit.short}): every schema is new`);
  else if (hasErrors(base.loaded.problems)) notes.push(`the schemas at the base (${commit.short}) have ${base.loaded.problems.filter((p) => p.severity === 'error').length} error(s); they are compared as far as they load`);
  const history = options.history === false ? undefined : await loadSchemaHistory(repository, base, base.loaded.catalog.config.schemaBaseUri);
  if (history !== undefined && history.commits > 1) notes.push(`transitive policies compared each changed schema with every state it had in the ${history.commits} commits that changed schemas/ on the first-parent history of ${commit.short}`);
  const warehouse = judgeWarehouse(head, base);
  notes.push(...warehouse.notes);
  const schemas = addRefusals(compareCatalogs({ base: base.loaded.catalog, head: head.catalog, history }), warehouse, head);
  const changes = schemas.flatMap((schema) => schema.changes);
  notes.push(...deployOrder(schemas));
  const changeset = await judgeChangesets({ repository, root, base: commit, required: bumpOf(changes), breaking: changes.some((change) => change.verdict === 'breaking'), packages: options.packages ?? (await defaultPackages(root)), schemas });
  const counts = countVerdicts(changes);
  return { ok: counts.breaking === 0 && changeset.ok, base: { ref: options.base, commit: commit.sha, short: commit.short, subject: commit.subject }, schemas, counts, changeset, notes };
}
