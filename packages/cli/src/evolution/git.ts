// The few git reads the evolution gate needs, run with the git command line: resolve a ref, list a tree, read blobs
// in one batch, and the first-parent history of a folder with the blobs each commit changed.
import { execFile, spawn } from 'node:child_process';
import { EvolutionError, EvolutionErrorCode } from './errors.js';

/** A commit, as reports name it. @example { sha: '4f1c2ab…', short: '4f1c2ab', subject: 'narrow the cancellation reason' } */
export interface GitCommit {
  sha: string;
  short: string;
  subject: string;
}

/** A file in a commit's tree and its blob. @example { path: 'schemas/envelope/v1.json', blob: '6ee568c…' } */
export interface TreeEntry {
  path: string;
  blob: string;
}

/** One file a commit changed (against its first parent); absent sides are undefined. @example { path: 'schemas/x.json', before: undefined, after: 'db9ec51…' } */
export interface RawChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

const missingBlob = /^0+$/;
const maxBuffer = 256 * 1024 * 1024;

/**
 * A git repository seen from the project root (which may be a subfolder of it).
 *
 * @example
 * const repository = await GitRepository.open(root);
 * const base = await repository.resolveCommit('HEAD~1');
 */
export class GitRepository {
  private constructor(
    /** The repository's top-level folder. */
    readonly topLevel: string,
    /** The project root relative to the top level, '' or ending with '/'. */
    readonly prefix: string,
  ) {}

  /** Opens the repository that holds `root`. Throws EvolutionError when there is none, or no git. */
  static async open(root: string): Promise<GitRepository> {
    const output = await run(root, ['rev-parse', '--show-toplevel', '--show-prefix'], (error) => {
      if (/not a git repository/i.test(error.stderr)) {
        return new EvolutionError(EvolutionErrorCode.notARepository, `${root} is not inside a git repository, so there is no commit to compare the schemas with. Run it in a clone, or leave out --base.`, { cwd: root, cause: error });
      }
      return undefined;
    });
    const [topLevel = '', prefix = ''] = output.split('\n');
    return new GitRepository(topLevel, prefix);
  }

  /** The commit a ref names. Throws EvolutionError(unknownRef) when it names none. */
  async resolveCommit(ref: string): Promise<GitCommit> {
    const unknown = () =>
      new EvolutionError(
        EvolutionErrorCode.unknownRef,
        `the base "${ref}" is not a commit of the repository in ${this.topLevel}. Name a branch, tag or commit that exists here (fetch it first: git fetch origin main; a shallow clone may lack HEAD~1).`,
        { cwd: this.topLevel },
      );
    // A ref starting with "-" would be read as an option.
    if (ref === '' || ref.startsWith('-')) throw unknown();
    const sha = (await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => unknown())).trim();
    const [short = sha, subject = ''] = (await this.git(['show', '-s', '--format=%h%x00%s', sha])).replace(/\n$/, '').split('\0');
    return { sha, short, subject };
  }

  /** The files under `paths` (relative to the project root) in a commit, with paths relative to the project root. */
  async listTree(commit: string, paths: readonly string[]): Promise<TreeEntry[]> {
    const entries = await this.listTopLevelTree(commit, paths.map((p) => this.prefix + p));
    return entries.filter((entry) => entry.path.startsWith(this.prefix)).map((entry) => ({ path: entry.path.slice(this.prefix.length), blob: entry.blob }));
  }

  /** The files under `paths` (relative to the top level) in a commit, with paths relative to the top level. */
  async listTopLevelTree(commit: string, paths: readonly string[]): Promise<TreeEntry[]> {
    const output = await this.git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths]);
    return output
      .split('\0')
      .filter((line) => line !== '')
      .flatMap((line) => {
        const [meta = '', path = ''] = line.split('\t');
        const [, type, blob] = meta.split(' ');
        return type === 'blob' && blob !== undefined ? [{ path, blob }] : [];
      });
  }

  /** The text of blobs, read in one `git cat-file --batch`. */
  async readBlobs(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    const texts = new Map<string, string>();
    if (wanted.length === 0) return texts;
    const output = await this.batch(wanted.map((id) => `${id}\n`).join(''));
    let at = 0;
    for (const id of wanted) {
      const headerEnd = output.indexOf(0x0a, at);
      const header = output.subarray(at, headerEnd).toString('utf8');
      const size = Number(header.split(' ')[2]);
      if (header.endsWith('missing') || !Number.isInteger(size)) throw new EvolutionError(EvolutionErrorCode.gitFailed, `git has no object ${id} (${header})`, { cwd: this.topLevel });
      texts.set(id, output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
      at = headerEnd + 1 + size + 1;
    }
    return texts;
  }

  /**
   * The commits on the first-parent history of `commit` that changed `path` (relative to the project root), newest
   * first, each with the files it changed under `path`. Merges are compared with their first parent. Short commit
   * ids are `abbreviation` characters long (raw output needs full ids, which makes git's own `%h` full too).
   */
  async firstParentHistory(commit: string, path: string, abbreviation = 7): Promise<{ commit: GitCommit; changes: RawChange[] }[]> {
    const output = await this.git(['log', '--first-parent', '-m', '--no-renames', '--raw', '--no-abbrev', '--format=%x01%H%x00%s', commit, '--', this.prefix + path]);
    return output
      .split('\x01')
      .filter((chunk) => chunk.trim() !== '')
      .map((chunk) => {
        const [head = '', ...lines] = chunk.split('\n');
        const [sha = '', subject = ''] = head.split('\0');
        const changes = lines.flatMap((line): RawChange[] => {
          const match = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*\t(.+)$/.exec(line);
          // A quoted path has characters no schema file name can have.
          if (!match || match[3]!.startsWith('"') || !match[3]!.startsWith(this.prefix)) return [];
          const blob = (id: string) => (missingBlob.test(id) ? undefined : id);
          return [{ path: match[3]!.slice(this.prefix.length), before: blob(match[1]!), after: blob(match[2]!) }];
        });
        return { commit: { sha, short: sha.slice(0, abbreviation), subject }, changes };
      });
  }

  private git(args: string[], explain?: (error: GitFailure) => EvolutionError | undefined): Promise<string> {
    return run(this.topLevel, args, explain);
  }

  private batch(input: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.topLevel, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', (error) => reject(spawnError(error, this.topLevel)));
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(chunks));
        else reject(new EvolutionError(EvolutionErrorCode.gitFailed, `git cat-file --batch failed (exit ${code}): ${stderr.trim()}`, { cwd: this.topLevel }));
      });
      child.stdin.end(input);
    });
  }
}

interface GitFailure {
  code: number | string | undefined;
  stderr: string;
}

function gitEnv(): NodeJS.ProcessEnv {
  // Messages in English (they are matched), never a prompt, no pager.
  return { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' };
}

function spawnError(error: NodeJS.ErrnoException, cwd: string): EvolutionError {
  if (error.code === 'ENOENT') return new EvolutionError(EvolutionErrorCode.gitUnavailable, 'factline check --base needs git, and there is no git command on the PATH.', { cwd, cause: error });
  return new EvolutionError(EvolutionErrorCode.gitFailed, `git could not be run: ${error.message}`, { cwd, cause: error });
}

function run(cwd: string, args: string[], explain?: (error: GitFailure) => EvolutionError | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: gitEnv(), maxBuffer, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && stderr === '') return reject(spawnError(error as NodeJS.ErrnoException, cwd));
      const failure: GitFailure = { code: (error as NodeJS.ErrnoException).code, stderr };
      reject(explain?.(failure) ?? new EvolutionError(EvolutionErrorCode.gitFailed, `git ${args[0]} failed in ${cwd}: ${stderr.trim() || error.message}`, { cwd, cause: error }));
    });
  });
}
