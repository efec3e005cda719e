// The Redshift destination behind onDelivered: each facts object COPYed into the stream's table with the JSONPaths
// file, once per key, and a failed load recorded with Firehose's error code and retried by the local Firehose.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedshiftDestination, outstandingLoadFailures, RedshiftDestinationError, type Delivery } from '@factline/local';
import { createFolderObjectStore, type ObjectStore } from '@factline/object-store';
import { createDuckDbWarehouse, type DuckDbWarehouse, type Warehouse } from '@factline/warehouse';
import { identity } from '../fixtures/handlers.js';
import { startHarness, text, type Harness } from '../fixtures/harness.js';
import { testStream } from '../fixtures/streams.js';
import { createFactTable, factLine, putJsonPaths } from '../fixtures/warehouse.js';

const stream = testStream({ compressionFormat: 'GZIP' });
let harness: Harness | undefined;
let warehouse: DuckDbWarehouse | undefined;
let folder: string | undefined;
afterEach(async () => {
  await harness?.cleanup();
  await warehouse?.close();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  harness = undefined;
  warehouse = undefined;
  folder = undefined;
});

async function setUp(options: { table?: boolean } = {}): Promise<{ store: ObjectStore; dir: string; warehouse: DuckDbWarehouse }> {
  folder = await mkdtemp(join(tmpdir(), 'factline-destination-'));
  warehouse = await createDuckDbWarehouse({ path: join(folder, 'warehouse.duckdb') });
  const store = createFolderObjectStore({ bucket: 'factline-local', root: join(folder, 's3') });
  if (options.table !== false) await createFactTable(warehouse, stream);
  await putJsonPaths(store, stream);
  return { store, dir: folder, warehouse };
}

async function put(h: Harness, lines: string[]): Promise<void> {
  await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream.deliveryStreamName, Records: lines.map((line) => ({ Data: text(line) })) }));
}

const count = async (w: Warehouse, sql: string): Promise<number> => Number((await w.query<{ n: bigint | number }>(sql))[0]?.n);

describe('the Redshift destination', () => {
  it('COPYs each delivered facts object into the stream table with the JSONPaths file, and records its key in the ledger', async () => {
    // Prepare
    const { store, warehouse: w } = await setUp();
    const destination = createRedshiftDestination({ warehouse: w, objectStore: store });
    harness = await startHarness({ streams: [stream], objectStore: store, transform: identity, onDelivered: destination.onDelivered });
    // Act
    await put(harness, [factLine(1), factLine(2) + factLine(3)]);
    await harness.emulator.flush();
    await put(harness, [factLine(4)]);
    await harness.emulator.flush();
    // Assess
    const rows = await w.query<{ fact_id: string; entity_id: string; occurred_at: Date }>('select fact_id, entity_id, occurred_at from factline.booking_facts order by fact_id');
    expect(rows.map((r) => r.entity_id)).toEqual(['booking-1', 'booking-2', 'booking-3', 'booking-4']);
    expect(rows[0]?.occurred_at).toEqual(new Date('2026-05-01T10:00:01.000Z'));
    const ledger = await w.query<{ object_key: string; record_count: number; rows_loaded: number; delivery_stream: string }>(
      'select object_key, record_count, rows_loaded, delivery_stream from factline.factline_loaded_objects order by loaded_at, object_key',
    );
    expect(ledger.map((l) => [l.record_count, l.rows_loaded, l.delivery_stream])).toEqual([
      [2, 3, 'factline-booking'],
      [1, 1, 'factline-booking'],
    ]);
    expect(ledger.map((l) => l.object_key)).toEqual(harness.emulator.status().streams[0]?.objects.facts);
    expect(destination.stats()).toMatchObject({ objectsLoaded: 2, rowsLoaded: 4, alreadyLoaded: 0, failedAttempts: 0 });
  });

  it('loads a key announced twice only once', async () => {
    // Prepare
    const { store, warehouse: w } = await setUp();
    const destination = createRedshiftDestination({ warehouse: w, objectStore: store });
    const key = 'facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-0b2f6a1e-0000-4000-8000-000000000001';
    await store.put(key, factLine(1) + factLine(2));
    const delivery: Delivery = { stream: testStream(), bucket: 'factline-local', key, recordCount: 1, compression: 'UNCOMPRESSED', size: 10 };
    // Act
    const first = await destination.load(delivery);
    const second = await destination.load(delivery);
    // Assess
    expect([first.status, first.rowsLoaded, second.status, second.rowsLoaded]).toEqual(['loaded', 2, 'already-loaded', 0]);
    expect(await count(w, 'select count(*) as n from factline.booking_facts')).toBe(2);
    expect(destination.stats()).toMatchObject({ objectsLoaded: 1, alreadyLoaded: 1 });
  });

  it('records a load that fails on the data as Redshift.DataLoadFailed with the line, column and value, and the local Firehose retries it until it loads', async () => {
    // Prepare
    const { store, warehouse: w, dir } = await setUp();
    const errorLogFile = join(dir, 'load-errors.jsonl');
    const destination = createRedshiftDestination({ warehouse: w, objectStore: store, errorLogFile });
    harness = await startHarness({ streams: [stream], objectStore: store, transform: identity, onDelivered: destination.onDelivered, retryDelayMs: 50, maxRetryDelayMs: 50 });
    // Act: the second fact's version does not fit SMALLINT.
    await put(harness, [factLine(1) + factLine(2, 70_000)]);
    await harness.emulator.flush();
    const failures = await outstandingLoadFailures(w);
    const logged = (await readFile(errorLogFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // The fix: widen the column (a migration would); the next retry loads the object.
    await w.execute('alter table factline.booking_facts alter fact_version type integer');
    await waitFor(async () => (await count(w, 'select count(*) as n from factline.booking_facts')) === 2);
    // Assess
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ deliveryStream: 'factline-booking', table: 'factline.booking_facts', attempts: 1, errorCode: 'Redshift.DataLoadFailed' });
    const [row] = await w.query<Record<string, unknown>>('select * from factline.factline_load_errors where attempt = 1');
    expect(row).toMatchObject({ error_code: 'Redshift.DataLoadFailed', load_error_code: 1204, line_number: 2, column_name: 'fact_version', raw_field_value: '70000' });
    expect(logged[0]).toMatchObject({ deliveryStreamName: 'factline-booking', destination: 'factline.booking_facts', attempt: 1, errorCode: 'Redshift.DataLoadFailed', loadError: { line: 2, column: 'fact_version' } });
    expect(await outstandingLoadFailures(w)).toEqual([]);
    expect(harness.emulator.status().streams[0]).toMatchObject({ pendingNotifications: 0 });
    expect(harness.emulator.status().streams[0]?.notificationFailures).toBeGreaterThanOrEqual(1);
  });

  it('reports a missing table as Redshift.TableNotFound and loads nothing', async () => {
    // Prepare
    const { store, warehouse: w } = await setUp({ table: false });
    const destination = createRedshiftDestination({ warehouse: w, objectStore: store });
    const key = 'facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-0b2f6a1e-0000-4000-8000-000000000002';
    await store.put(key, factLine(1));
    // Act
    const error = await destination.load({ stream: testStream(), bucket: 'factline-local', key, recordCount: 1, compression: 'UNCOMPRESSED', size: 10 }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(RedshiftDestinationError);
    expect(error).toMatchObject({ code: 'LOAD_FAILED', deliveryErrorCode: 'Redshift.TableNotFound', key, attempt: 1 });
    expect(await count(w, 'select count(*) as n from factline.factline_loaded_objects')).toBe(0);
  });

  it('opens a warehouse from a function for each load and closes it, and reports one that cannot be opened as Redshift.ConnectionFailed', async () => {
    // Prepare
    const { store, dir } = await setUp();
    await warehouse?.close();
    warehouse = undefined;
    const events: string[] = [];
    let available = false;
    const errorLogFile = join(dir, 'load-errors.jsonl');
    const destination = createRedshiftDestination({
      warehouse: async () => {
        if (!available) throw new Error('IO Error: Could not set lock on file "warehouse.duckdb": Conflicting lock is held in /usr/bin/node (PID 1)');
        const opened = await createDuckDbWarehouse({ path: join(dir, 'warehouse.duckdb') });
        events.push('open');
        return Object.assign(Object.create(opened) as DuckDbWarehouse, { close: async () => (events.push('close'), opened.close()) });
      },
      objectStore: store,
      errorLogFile,
    });
    const key = 'facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-0b2f6a1e-0000-4000-8000-000000000003';
    await store.put(key, factLine(7));
    const delivery: Delivery = { stream: testStream(), bucket: 'factline-local', key, recordCount: 1, compression: 'UNCOMPRESSED', size: 10 };
    // Act
    const refused = await destination.load(delivery).catch((e: unknown) => e);
    available = true;
    const loaded = await destination.load(delivery);
    // Assess
    expect(refused).toMatchObject({ deliveryErrorCode: 'Redshift.ConnectionFailed', attempt: 1 });
    expect(JSON.parse(await readFile(errorLogFile, 'utf8'))).toMatchObject({ key, errorCode: 'Redshift.ConnectionFailed' });
    expect(loaded.status).toBe('loaded');
    expect(events).toEqual(['open', 'close']);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
