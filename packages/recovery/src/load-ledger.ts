// The local Redshift destination's ledger of loaded objects (`<schema>.factline_loaded_objects`, @factline/local):
// it loads an announced key only if the ledger lacks it. After a recompute has loaded every delivered object, the
// keys it loaded are added, so that a late announcement of one of them does not load it a second time.
import type { WarehouseSession } from '@factline/warehouse';

/**
 * The table the local destination keeps its ledger in, in the fact table's schema.
 *
 * @example
 * await warehouse.query(`select count(*) from factline.${loadLedgerTable}`);
 */
export const loadLedgerTable = 'factline_loaded_objects';

/** Whether the schema has the ledger table. */
export async function hasLoadLedger(session: WarehouseSession, schema: string): Promise<boolean> {
  const rows = await session.query<{ n: number }>(`select count(*) as n from information_schema.tables where table_schema = :schema and table_name = '${loadLedgerTable}'`, { schema });
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Adds the delivered keys the ledger lacks (rows and records unknown: recorded as 0). */
export async function addToLoadLedger(session: WarehouseSession, schema: string, entry: { bucket: string; deliveryStream: string; table: string; objects: readonly { key: string; size: number }[]; at: Date }): Promise<number> {
  const known = new Set(
    (await session.query<{ object_key: string }>(`select object_key from ${schema}.${loadLedgerTable} where bucket = :bucket and table_name = :table`, { bucket: entry.bucket, table: entry.table })).map((r) => String(r.object_key)),
  );
  let added = 0;
  for (const object of entry.objects.filter((o) => !known.has(o.key))) {
    await session.execute(
      `insert into ${schema}.${loadLedgerTable} (object_key, bucket, delivery_stream, table_name, record_count, rows_loaded, object_size, loaded_at) values (:key, :bucket, :stream, :table, 0, 0, :size, :at)`,
      { key: object.key, bucket: entry.bucket, stream: entry.deliveryStream, table: entry.table, size: object.size, at: entry.at },
    );
    added += 1;
  }
  return added;
}
