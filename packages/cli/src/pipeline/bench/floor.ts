// The floor of the pipeline benchmark, measured in the same run on the same data: a JSON round trip of the same
// events (what any pipeline must at least do to them), plus DuckDB's own read_json of the fact files the pipeline
// produced, into a table (what loading them must at least cost).
import { generateScenario } from '@factline/demo-service';
import { createDuckDbWarehouse } from '@factline/warehouse';

/**
 * The floor's parts, ms.
 *
 * @example
 * const floor: Floor = { jsonRoundTripMs: 2100, readJsonMs: 9000, totalMs: 11100, generateMs: 5000 };
 */
export interface Floor {
  /** JSON.stringify then JSON.parse of every event's envelope. */
  jsonRoundTripMs: number;
  /** `create table … as select * from read_json([files])` per fact table. */
  readJsonMs: number;
  totalMs: number;
  /** Generating the events (not in the floor; reported so the pipeline's own share can be judged). */
  generateMs: number;
}

const chunk = 10_000;

/**
 * Times the JSON round trip of the scenario's events (generated in chunks, outside the timing) and generation alone.
 *
 * @example
 * const { jsonRoundTripMs, generateMs } = jsonRoundTrip({ events: 1_000_000, seed: 42 });
 */
export function jsonRoundTrip(options: { events: number; seed: number }): { jsonRoundTripMs: number; generateMs: number; bytes: number } {
  let jsonRoundTripMs = 0;
  let generateMs = 0;
  let bytes = 0;
  const scenario = generateScenario({ events: options.events, seed: options.seed });
  for (;;) {
    const started = performance.now();
    const batch = [];
    for (let i = 0; i < chunk; i++) {
      const next = scenario.next();
      if (next.done === true) break;
      const e = next.value;
      batch.push({ event_id: e.eventId, event_type: e.type, event_version: e.version, occurred_at: e.occurredAt, producer: 'demo-service', payload: e.payload });
    }
    generateMs += performance.now() - started;
    if (batch.length === 0) break;
    const timed = performance.now();
    for (const envelope of batch) {
      const text = JSON.stringify(envelope);
      bytes += text.length;
      if (JSON.parse(text) === null) throw new Error('unreachable');
    }
    jsonRoundTripMs += performance.now() - timed;
  }
  return { jsonRoundTripMs, generateMs, bytes };
}

/**
 * Times DuckDB reading the fact files into one table per entity (in memory, so no file I/O of a database).
 *
 * @example
 * const ms = await readJsonFloor({ booking: ['/…/facts/booking/…gz'] });
 */
export async function readJsonFloor(filesByEntity: Readonly<Record<string, readonly string[]>>): Promise<{ readJsonMs: number; rows: number }> {
  const duckdb = await createDuckDbWarehouse({ path: ':memory:' });
  let readJsonMs = 0;
  let rows = 0;
  try {
    for (const [entity, files] of Object.entries(filesByEntity)) {
      if (files.length === 0) continue;
      const list = files.map((file) => `'${file.replace(/'/g, "''")}'`).join(', ');
      const started = performance.now();
      await duckdb.execute(`create table floor_${entity} as select * from read_json([${list}], format = 'newline_delimited', compression = 'auto_detect')`);
      readJsonMs += performance.now() - started;
      const [count] = await duckdb.query<{ n: number }>(`select count(*)::bigint as n from floor_${entity}`);
      rows += Number(count?.n ?? 0);
    }
  } finally {
    await duckdb.close();
  }
  return { readJsonMs, rows };
}
