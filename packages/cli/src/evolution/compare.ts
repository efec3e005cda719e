// The base catalog against the head catalog, file by file, each change judged by the policy of its kind: the
// compatibility mode (against every earlier state for the transitive ones), the mapping policy for events, and the
// file policy for files that appear or disappear. The warehouse is judged separately (warehouse.ts).
import { isDeepStrictEqual } from 'node:util';
import { adviceFor, breaks, check, classifyChange, diff, isTransitive, policyFor, policyLabel, type Catalog, type DocumentLookup, type SchemaChange, type SchemaDocument } from '@factline/catalog';
import { fileChange, nameOf } from './file-changes.js';
import type { SchemaHistory } from './history.js';
import { mappingChanges } from './mapping-changes.js';
import { referenceClosure } from './references.js';
import type { EvolutionChange, SchemaEvolution } from './report.js';
import { worstVerdict } from './verdicts.js';

/** What `compareCatalogs` compares. @example compareCatalogs({ base: baseCatalog, head: headCatalog }) */
export interface CatalogPair {
  base: Catalog;
  head: Catalog;
  /** Earlier states for the transitive policies; without it, only the base is compared. */
  history?: SchemaHistory | undefined;
}

const lookupOf =
  (catalog: Catalog): DocumentLookup =>
  (id) =>
    catalog.documents.get(id)?.schema;
const byFile = (catalog: Catalog) => new Map([...catalog.documents.values()].map((document) => [document.file, document]));
const changeKey = (change: { type: string; pointer: string }) => `${change.type} ${change.pointer}`;

/**
 * Every schema file that changed from `base` to `head`, with its changes judged.
 *
 * @example
 * const schemas = compareCatalogs({ base: baseCatalog, head: headCatalog, history });
 * const breaking = schemas.filter((s) => s.verdict === 'breaking');
 */
export function compareCatalogs(pair: CatalogPair): SchemaEvolution[] {
  const baseFiles = byFile(pair.base);
  const headFiles = byFile(pair.head);
  const changed = new Set([...new Set([...baseFiles.keys(), ...headFiles.keys()])].filter((file) => !isDeepStrictEqual(baseFiles.get(file)?.schema, headFiles.get(file)?.schema)));
  const references = referencesOf(pair);
  const evolutions: SchemaEvolution[] = [];
  for (const file of [...new Set([...baseFiles.keys(), ...headFiles.keys()])].sort()) {
    const before = baseFiles.get(file);
    const after = headFiles.get(file);
    if (before === undefined || after === undefined) {
      evolutions.push(fileChange(pair, before === undefined ? 'added' : 'removed', (after ?? before)!));
      continue;
    }
    const through = [...references.reached(file)].filter((target) => changed.has(target)).sort();
    if (!changed.has(file) && through.length === 0) continue;
    if (after.kind === 'common') {
      const judgedIn = references.referencing(file);
      if (judgedIn.length > 0) {
        if (changed.has(file)) evolutions.push({ file, kind: 'common', name: nameOf(pair.head, after), status: 'changed', policy: policyLabel('common'), verdict: undefined, changes: [], judgedIn });
        continue;
      }
    }
    const changes = judgeInPlace(pair, before, after, through);
    if (changes.length > 0) evolutions.push({ file, kind: after.kind, name: nameOf(pair.head, after), status: 'changed', policy: policyLabel(after.kind), verdict: worstVerdict(changes), changes });
  }
  return evolutions;
}

/** The changes of a file present at both ends, under its kind's policy. */
function judgeInPlace(pair: CatalogPair, before: SchemaDocument, after: SchemaDocument, through: string[]): EvolutionChange[] {
  const policy = policyFor(after.kind);
  const label = policyLabel(after.kind);
  const lookupOld = lookupOf(pair.base);
  const lookupNew = lookupOf(pair.head);
  const againstBase = diff(before.schema, after.schema, { lookupOld, lookupNew }).changes;
  const earlier = pair.history !== undefined && isTransitive(policy.mode) ? pair.history.earlierStates(before.file) : [];
  const labels = earlier.map((state) => state.label);
  const earlierIssues = earlier.length === 0 ? [] : check(earlier.map((state) => state.schema), after.schema, policy.mode, { lookupPrevious: earlier.map((state) => state.lookup), lookupNew, labels }).issues;
  // Changes that are not in the file itself came through a referenced definition that changed.
  const own = through.length === 0 ? undefined : new Set(diff(before.schema, after.schema, { lookup: lookupOld }).changes.map(changeKey));
  const wayOut = (change: SchemaChange) => {
    const broken = breaks(change, policy.mode);
    if (broken.length === 0) return {};
    return { wayOut: policy.versioned ? adviceFor(change.type, broken[0]!) : `${policy.wayOut}.` };
  };
  const changes: EvolutionChange[] = [];
  for (const change of againstBase) {
    const mapping = after.kind === 'event' && change.type === 'FACTLINE_EXTENSION_CHANGED' && change.pointer === '/x-factline-mapping' ? mappingOf(pair, before, after) : undefined;
    if (mapping !== undefined && mapping.length > 0) {
      changes.push(...mapping);
      continue;
    }
    const via = own !== undefined && !own.has(changeKey(change)) ? { through } : {};
    changes.push({ type: change.type, pointer: change.pointer, message: change.message, backward: change.backward, forward: change.forward, verdict: classifyChange(change, policy.mode), judgedBy: label, against: 'base', ...via, ...wayOut(change) });
  }
  // A transitive policy also refuses what breaks against an earlier state, even when the base already had it.
  const reported = new Set(changes.filter((c) => c.verdict === 'breaking').map(changeKey));
  for (const issue of earlierIssues) {
    if (reported.has(changeKey(issue))) continue;
    reported.add(changeKey(issue));
    changes.push({ type: issue.type, pointer: issue.pointer, message: `${issue.change.message} (compared with the state of ${issue.against})`, backward: issue.change.backward, forward: issue.change.forward, verdict: 'breaking', judgedBy: label, against: issue.against, ...wayOut(issue.change) });
  }
  return changes;
}

function mappingOf(pair: CatalogPair, before: SchemaDocument, after: SchemaDocument): EvolutionChange[] | undefined {
  const old = pair.base.events.find((event) => event.document.file === before.file)?.mapping;
  const next = pair.head.events.find((event) => event.document.file === after.file)?.mapping;
  return old === undefined || next === undefined ? undefined : mappingChanges(old, next);
}

/** Which files each schema reaches through `$ref`, and which schemas reach each definition, at either end. */
function referencesOf(pair: CatalogPair): { reached(file: string): Set<string>; referencing(file: string): string[] } {
  const reached = new Map<string, Set<string>>();
  for (const catalog of [pair.base, pair.head]) {
    const lookup = lookupOf(catalog);
    for (const document of catalog.documents.values()) {
      const files = [...referenceClosure(document.id, lookup)].map((id) => catalog.documents.get(id)!.file);
      reached.set(document.file, new Set([...(reached.get(document.file) ?? []), ...files]));
    }
  }
  return {
    reached: (file) => reached.get(file) ?? new Set(),
    referencing: (file) =>
      [...reached]
        .filter(([from, targets]) => targets.has(file) && !from.startsWith('schemas/common/'))
        .map(([from]) => from)
        .sort(),
  };
}
