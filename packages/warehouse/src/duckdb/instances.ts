// One DuckDB instance per database file per process, shared by every warehouse opened on it and closed with the
// last one, so that the local stack and a query in the same process can use one file, and closing releases it.
import { DuckDBInstance } from '@duckdb/node-api';

interface Entry {
  instance: Promise<DuckDBInstance>;
  users: number;
}

const open = new Map<string, Entry>();

/** A shared instance and the function that gives it back. */
export interface InstanceLease {
  instance: DuckDBInstance;
  release(): void;
}

/**
 * Opens (or shares) the instance of a database file; `:memory:` always gets its own.
 *
 * @example
 * const lease = await leaseInstance('/abs/.factline/warehouse.duckdb', {});
 * try { … } finally { lease.release(); }
 */
export async function leaseInstance(path: string, settings: Record<string, string>): Promise<InstanceLease> {
  if (path === ':memory:') {
    const instance = await DuckDBInstance.create(path, settings);
    return { instance, release: () => instance.closeSync() };
  }
  let entry = open.get(path);
  if (entry === undefined) {
    entry = { instance: DuckDBInstance.create(path, settings), users: 0 };
    open.set(path, entry);
    entry.instance.catch(() => open.delete(path));
  }
  entry.users += 1;
  const current = entry;
  const instance = await current.instance;
  let released = false;
  return {
    instance,
    release: () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users === 0) {
        open.delete(path);
        instance.closeSync();
      }
    },
  };
}
