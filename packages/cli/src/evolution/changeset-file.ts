// Reads the front matter of a changeset file (`.changeset/<name>.md`), the way changesets writes it:
//   ---
//   "@factline/events": minor
//   ---
//   One sentence for the changelog.
import type { VersionBump } from '@factline/catalog';
import type { ChangesetFile } from './report.js';

const release = /^\s*(?:"([^"]+)"|'([^']+)'|([^\s"':][^:]*?))\s*:\s*["']?(major|minor|patch|none)["']?\s*$/;

/**
 * The releases a changeset declares; `problem` says why it cannot be read (it then counts for nothing).
 *
 * @example
 * parseChangeset('.changeset/phone.md', '---\n"@factline/events": minor\n---\n\nAdd the phone number.\n')
 * // { file: '.changeset/phone.md', releases: [{ package: '@factline/events', bump: 'minor' }] }
 */
export function parseChangeset(file: string, text: string): ChangesetFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const unreadable = (problem: string): ChangesetFile => ({ file, releases: [], problem });
  if (lines[0]?.trim() !== '---') return unreadable('it does not start with a front matter block ("---" on the first line)');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) return unreadable('its front matter is not closed by a "---" line');
  const releases: ChangesetFile['releases'] = [];
  for (let index = 1; index < end; index++) {
    const line = lines[index]!;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const match = release.exec(line);
    if (match === null) return unreadable(`line ${index + 1} is not "<package>": major|minor|patch ("${line.trim()}")`);
    releases.push({ package: (match[1] ?? match[2] ?? match[3])!, bump: match[4] as VersionBump | 'none' });
  }
  return { file, releases };
}
