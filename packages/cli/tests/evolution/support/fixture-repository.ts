// A throwaway git repository holding a copy of the sample project (schemas/, factline.config.json and
// generated/warehouse-state.json), to commit a base and edit schemas on top of it.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCaptured, type CliRun } from '../../support/capture.js';

export const repositoryRoot = path.resolve(import.meta.dirname, '../../../../..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface FixtureRepository {
  root: string;
  git(...args: string[]): string;
  /** Commits everything in the working tree and returns the commit id. */
  commit(message: string): string;
  /** Puts the working tree back to a commit (nothing else is kept). */
  reset(commit: string): void;
  /** Reads a JSON file, lets `edit` change it, and writes it back (two-space indent, as the sample is written). */
  editJson(file: string, edit: (json: Json) => void): Promise<void>;
  write(file: string, content: string): Promise<void>;
  remove(file: string): Promise<void>;
  /** `factline check --base <base>` in the repository, in-process, with captured output. */
  check(base: string, ...extra: string[]): Promise<CliRun>;
  dispose(): Promise<void>;
}

/** Copies the project into a new repository (`git init -b main`) without committing anything. */
export async function createFixtureRepository(files: readonly string[] = ['schemas', 'factline.config.json', 'generated/warehouse-state.json']): Promise<FixtureRepository> {
  const root = await mkdtemp(path.join(tmpdir(), 'factline-evolution-'));
  for (const file of files) await cp(path.join(repositoryRoot, file), path.join(root, file), { recursive: true });
  await mkdir(path.join(root, '.changeset'), { recursive: true });
  await writeFile(path.join(root, '.changeset/README.md'), 'Changesets: one file per change, front matter = packages and bumps.\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=factline test', '-c', 'user.email=test@factline.dev', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  const at = (file: string) => path.join(root, file);
  return {
    root,
    git,
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    reset(commit) {
      git('reset', '-q', '--hard', commit);
      git('clean', '-q', '-fdx');
    },
    async editJson(file, edit) {
      const json = JSON.parse(await readFile(at(file), 'utf8')) as Json;
      edit(json);
      await writeFile(at(file), `${JSON.stringify(json, null, 2)}\n`);
    },
    async write(file, content) {
      await mkdir(path.dirname(at(file)), { recursive: true });
      await writeFile(at(file), content);
    },
    remove: (file) => rm(at(file), { recursive: true }),
    check: (base, ...extra) => runCaptured(['check', '--base', base, ...extra], root),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
