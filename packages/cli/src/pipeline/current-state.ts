// A few rows of current state for the demo's summary: from the views when the views step deployed them, otherwise
// computed from the fact tables (per entity and fact type the latest fact, by occurred_at, recorded_at, fact_id;
// duplicates of a fact_id are the same value, so they do not change the answer).
import type { StreamSettings } from '@factline/stream-settings';
import type { Row, Warehouse } from '@factline/warehouse';

/** The shared columns of every fact table; the rest are value columns. */
const sharedColumns = new Set(['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version']);

/**
 * One entity's state in the summary.
 *
 * @example
 * const state: EntityState = { entity: 'booking', source: 'factline.booking_facts', entities: 1200, facts: 9800, byStatus: { confirmed: 700 }, sample: [] };
 */
export interface EntityState {
  entity: string;
  /** The view or fact table it was read from. */
  source: string;
  /** Distinct entities. */
  entities: number;
  /** Rows in the fact table. */
  facts: number;
  /** Entities per current `status`, when the entity has a status fact. */
  byStatus: Record<string, number> | undefined;
  /** The most recently changed entities, current state. */
  sample: Row[];
}

/**
 * The column names of `DataTableColumns`, unquoted (reserved words come quoted: `"timestamp"`).
 *
 * @example
 * splitColumnList('fact_id,"timestamp",x'); // ['fact_id', 'timestamp', 'x']
 */
export function splitColumnList(list: string): string[] {
  const columns: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as string;
    if (c === '"') {
      if (quoted && list[i + 1] === '"') {
        current += '"';
        i += 1;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      columns.push(current.trim());
      current = '';
    } else current += c;
  }
  columns.push(current.trim());
  return columns.filter((column) => column !== '');
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The SQL of an entity's current state from its fact table: one row per entity with the latest value of each value
 * column and when it last changed.
 *
 * @example
 * await warehouse.query(currentStateSql(stream) + ' limit 3');
 */
export function currentStateSql(stream: StreamSettings): string {
  const table = stream.redshift.copyCommand.dataTableName;
  const values = splitColumnList(stream.redshift.copyCommand.dataTableColumns).filter((c) => !sharedColumns.has(c));
  // Each value column belongs to one fact type, and only the latest fact of each type survives the filter, so max()
  // over an entity's surviving rows is that fact's value (NULL when it was cleared).
  return `select entity_id, ${values.map((c) => `max(${quote(c)}) as ${quote(c)}`).join(', ')}, max(occurred_at) as last_changed_at
from (select * from ${table} qualify row_number() over (partition by entity_id, fact_type order by occurred_at desc, recorded_at desc, fact_id desc) = 1) latest
group by entity_id`;
}

/**
 * Reads each entity's counts, status breakdown and a sample of current rows.
 *
 * @example
 * const states = await readCurrentState(warehouse, settings.streams, { booking: 'factline.booking_current' });
 */
export async function readCurrentState(warehouse: Warehouse, streams: readonly StreamSettings[], currentViews: Readonly<Record<string, string>> = {}, sampleSize = 3): Promise<EntityState[]> {
  const states: EntityState[] = [];
  for (const stream of streams) {
    const table = stream.redshift.copyCommand.dataTableName;
    const view = currentViews[stream.entity];
    const current = view ?? `(${currentStateSql(stream)})`;
    const [counts] = await warehouse.query<{ facts: number | bigint }>(`select count(*) as facts from ${table}`);
    const [entities] = await warehouse.query<{ n: number | bigint }>(`select count(*) as n from ${current} c`);
    const order = view === undefined ? 'order by last_changed_at desc, entity_id' : 'order by entity_id';
    const sample = await warehouse.query<Row>(`select * from ${current} c ${order} limit ${Math.max(0, Math.floor(sampleSize))}`);
    // A view may name its columns its own way: count statuses only where there is a status column.
    const hasStatus = view === undefined ? splitColumnList(stream.redshift.copyCommand.dataTableColumns).includes('status') : sample[0] !== undefined && 'status' in sample[0];
    const byStatus = hasStatus
      ? Object.fromEntries((await warehouse.query<{ status: string | null; n: number | bigint }>(`select status, count(*) as n from ${current} c group by status order by n desc, status`)).map((r) => [r.status ?? 'NULL', Number(r.n)]))
      : undefined;
    states.push({ entity: stream.entity, source: view ?? table, entities: Number(entities?.n ?? 0), facts: Number(counts?.facts ?? 0), byStatus, sample: sample.map(statusFirst) });
  }
  return states;
}

/** The id, then the status (what a person looks for first), then the values in table order. */
function statusFirst(row: Row): Row {
  const { entity_id: id, status, last_changed_at: _changed, ...values } = row;
  return { entity_id: id, ...(status === undefined ? {} : { status }), ...values };
}
