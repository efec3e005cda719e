// Every earlier state of the schemas along the base's first-parent history, so that the transitive policies compare a
// schema with each state it ever had on the main line, not only with the base. The states are rebuilt backwards from
// the base's tree with the blobs each commit replaced, and every blob is read in one batch.
import type { DocumentLookup, JsonSchemaObject } from '@factline/catalog';
import type { GitCommit, GitRepository, TreeEntry } from './git.js';
import { referenceClosure } from './references.js';
import { schemasFolder, type BaseSnapshot } from './snapshot.js';

/** One earlier state of a schema, with the documents its references reached then. @example check(state.schema, next, mode, { lookupPrevious: state.lookup }) */
export interface EarlierState {
  /** The commit that gave the schema this state: `abc1234 "subject"`. */
  label: string;
  schema: JsonSchemaObject;
  lookup: DocumentLookup;
}

/** The earlier states of the schemas. @example history.earlierStates('schemas/envelope/v1.json').map((s) => s.label) */
export interface SchemaHistory {
  /** Commits walked (the first-parent commits that changed schemas/, up to the base). */
  readonly commits: number;
  /** The distinct states of a schema file (with its references) before the base's, oldest first. */
  earlierStates(file: string): EarlierState[];
}

interface HistoricDocument {
  schema: JsonSchemaObject;
  blob: string;
  path: string;
}

interface State {
  commit: GitCommit;
  files: Map<string, string>;
}

/**
 * Walks the base's first-parent history of schemas/.
 *
 * @example
 * const history = await loadSchemaHistory(repository, base, catalog.config.schemaBaseUri);
 * const states = history.earlierStates('schemas/events/booking/cancelled/v1.json');
 */
export async function loadSchemaHistory(repository: GitRepository, base: BaseSnapshot, schemaBaseUri: string): Promise<SchemaHistory> {
  const log = await repository.firstParentHistory(base.commit.sha, schemasFolder, base.commit.short.length);
  const states: State[] = [];
  let current = new Map(base.schemaTree.map((entry: TreeEntry) => [entry.path, entry.blob]));
  for (const { commit, changes } of log) {
    states.push({ commit, files: current });
    current = new Map(current);
    for (const change of changes) {
      if (change.before === undefined) current.delete(change.path);
      else current.set(change.path, change.before);
    }
  }
  const blobs = new Set(states.flatMap((state) => [...state.files].filter(([file]) => file.endsWith('.json')).map(([, blob]) => blob)));
  const texts = await repository.readBlobs(blobs);
  const parsed = new Map<string, JsonSchemaObject | undefined>();
  const parse = (blob: string): JsonSchemaObject | undefined => {
    if (!parsed.has(blob)) parsed.set(blob, parseObject(texts.get(blob)));
    return parsed.get(blob);
  };

  const documentsOf = memoize((state: State) => {
    const byId = new Map<string, HistoricDocument>();
    for (const [file, blob] of state.files) {
      const schema = file.endsWith('.json') ? parse(blob) : undefined;
      if (schema === undefined) continue;
      const id = typeof schema['$id'] === 'string' ? schema['$id'].replace(/#.*$/, '') : schemaBaseUri + file.slice(schemasFolder.length + 1);
      byId.set(id, { schema, blob, path: file });
    }
    return byId;
  });
  const idOf = (state: State, file: string) => [...documentsOf(state)].find(([, document]) => document.path === file)?.[0];

  /** What the schema depended on in a state: its own blob and those of every document it reaches. */
  const keyOf = (state: State, file: string): { key: string; id: string } | undefined => {
    const id = idOf(state, file);
    if (id === undefined) return undefined;
    const documents = documentsOf(state);
    const lookup = (target: string) => documents.get(target)?.schema;
    const reached = [...referenceClosure(id, lookup)].sort().map((target) => `${target}=${documents.get(target)!.blob}`);
    return { key: [documents.get(id)!.blob, ...reached].join('\n'), id };
  };

  return {
    commits: log.length,
    earlierStates(file) {
      const [baseState, ...earlier] = states;
      const seen = new Set<string>();
      const baseKey = baseState === undefined ? undefined : keyOf(baseState, file)?.key;
      if (baseKey !== undefined) seen.add(baseKey);
      const found: EarlierState[] = [];
      for (const state of earlier) {
        const keyed = keyOf(state, file);
        if (keyed === undefined || seen.has(keyed.key)) continue;
        seen.add(keyed.key);
        const documents = documentsOf(state);
        found.push({ label: labelOf(state.commit), schema: documents.get(keyed.id)!.schema, lookup: (target) => documents.get(target)?.schema });
      }
      return found.reverse();
    },
  };
}

function labelOf(commit: GitCommit): string {
  const subject = commit.subject.length > 60 ? `${commit.subject.slice(0, 57)}...` : commit.subject;
  return `${commit.short} "${subject}"`;
}

function parseObject(text: string | undefined): JsonSchemaObject | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchemaObject) : undefined;
  } catch {
    // A state that was not JSON validated nothing; there is nothing written with it to stay compatible with.
    return undefined;
  }
}

function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}
