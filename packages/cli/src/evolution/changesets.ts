// Does a changeset added since the base cover the schema changes? The packages whose generated code follows the
// schemas need a bump at least as large as the changes: breaking → major, additive → minor, descriptions → patch.
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VersionBump } from '@factline/catalog';
import { parseChangeset } from './changeset-file.js';
import type { GitCommit, GitRepository } from './git.js';
import type { ChangesetFile, ChangesetVerdict, SchemaEvolution } from './report.js';
import { covers, largerBump } from './verdicts.js';

/** What `judgeChangesets` needs. @example { repository, root, base, required: 'minor', breaking: false, packages: ['@factline/events'], schemas } */
export interface ChangesetInput {
  repository: GitRepository;
  root: string;
  base: GitCommit;
  required: VersionBump | undefined;
  /** Whether a change breaks its policy: no changeset makes it land, so none is suggested. */
  breaking: boolean;
  packages: readonly string[];
  schemas: readonly SchemaEvolution[];
}

/** The project's `.changeset/` folder (or the repository's, for a project in a subfolder), relative to both roots. */
async function changesetFolder(repository: GitRepository, root: string): Promise<{ absolute: string; fromRoot: string; fromTop: string }> {
  const own = { absolute: path.join(root, '.changeset'), fromRoot: '.changeset', fromTop: `${repository.prefix}.changeset` };
  if (repository.prefix === '' || (await exists(own.absolute))) return own;
  const top = { absolute: path.join(repository.topLevel, '.changeset'), fromRoot: path.posix.join(...repository.prefix.split('/').filter(Boolean).map(() => '..'), '.changeset'), fromTop: '.changeset' };
  return (await exists(top.absolute)) ? top : own;
}

/** The changeset files of the working tree that the base did not have, or had with other content. */
async function changesetsSince(input: ChangesetInput, folder: { absolute: string; fromRoot: string; fromTop: string }): Promise<ChangesetFile[]> {
  const names = (await readdir(folder.absolute).catch(() => [] as string[])).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  const atBase = await input.repository.listTopLevelTree(input.base.sha, [folder.fromTop]);
  const baseTexts = await input.repository.readBlobs(atBase.map((entry) => entry.blob));
  const baseText = new Map(atBase.map((entry) => [path.posix.basename(entry.path), baseTexts.get(entry.blob)]));
  const found: ChangesetFile[] = [];
  for (const name of names) {
    const text = await readFile(path.join(folder.absolute, name), 'utf8');
    if (baseText.get(name) !== text) found.push(parseChangeset(`${folder.fromRoot}/${name}`, text));
  }
  return found;
}

/**
 * Checks the changesets added since the base against the bump the schema changes need, and writes the changeset to
 * add when one is missing or too small.
 *
 * @example
 * const verdict = await judgeChangesets({ repository, root, base, required: 'minor', packages: ['@factline/events'], schemas });
 */
export async function judgeChangesets(input: ChangesetInput): Promise<ChangesetVerdict> {
  const folder = await changesetFolder(input.repository, input.root);
  const found = await changesetsSince(input, folder);
  const packages = [...input.packages];
  const missing: ChangesetVerdict['missing'] = [];
  if (input.required !== undefined) {
    for (const name of packages) {
      let largest: VersionBump | 'none' | undefined;
      for (const file of found) for (const release of file.releases) if (release.package === name) largest = largerBump(largest, release.bump);
      if (!covers(largest, input.required)) missing.push({ package: name, required: input.required, found: largest });
    }
  }
  const suggestion = missing.length === 0 || input.required === undefined || input.breaking ? undefined : await suggest(folder, input.required, missing.map((m) => m.package), input.schemas);
  return { ok: missing.length === 0, required: input.required, packages, found, missing, suggestion };
}

async function suggest(folder: { absolute: string; fromRoot: string }, bump: VersionBump, packages: string[], schemas: readonly SchemaEvolution[]): Promise<{ path: string; content: string }> {
  const first = schemas[0]?.name ?? 'change';
  const slug = `schemas-${first.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}`;
  let name = slug;
  for (let n = 2; await exists(path.join(folder.absolute, `${name}.md`)); n++) name = `${slug}-${n}`;
  const front = packages.map((pkg) => `"${pkg}": ${bump}`).join('\n');
  return { path: `${folder.fromRoot}/${name}.md`, content: `---\n${front}\n---\n\n${summary(schemas)}\n` };
}

/**
 * One sentence for the changelog, naming each schema change (the author may reword it).
 *
 * @example
 * summary(schemas) // 'Schemas: add event booking.cancelled@2; add fact booking.cancelled_by@2.'
 */
export function summary(schemas: readonly SchemaEvolution[]): string {
  const parts = schemas.map((schema) => {
    if (schema.status !== 'changed') return `${schema.status === 'added' ? 'add' : 'remove'} ${schema.kind} ${schema.name}`;
    const details = [...new Set(schema.changes.map((change) => `${change.type.toLowerCase().replaceAll('_', ' ')}${readablePointer(change.pointer)}`))];
    return `change ${schema.kind} ${schema.name}${details.length > 0 ? ` (${details.slice(0, 3).join(', ')}${details.length > 3 ? ', …' : ''})` : ''}`;
  });
  const listed = parts.length > 6 ? [...parts.slice(0, 6), `and ${parts.length - 6} more`] : parts;
  return `Schemas: ${listed.join('; ')}.`;
}

/** `/properties/basicInfo/properties/phone` → ` at basicInfo.phone`. */
function readablePointer(pointer: string): string {
  const names = pointer.split('/').filter((token, i, all) => token !== '' && all[i - 1] === 'properties');
  return names.length === 0 ? '' : ` at ${names.join('.')}`;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
