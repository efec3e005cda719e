import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFolderObjectStore } from '@factline/object-store';
import { CopyLoadError, createDuckDbWarehouse, JsonPathsError, WarehouseError, type CopyRequest, type DuckDbWarehouse, type LoadError } from '@factline/warehouse';
import { createTestStore, type TestStore } from '../support/folder-store.js';
import { fact, factJsonPaths, factTableDdl, jsonPathsKey, lines } from '../support/facts.js';

let folder: string;
let stagingFolder: string;
let warehouse: DuckDbWarehouse;
let store: TestStore;
const options = (extra = ''): string => `JSON 's3://test-bucket/${jsonPathsKey}' TIMEFORMAT 'auto'${extra}`;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'factline-duckdb-copy-'));
  stagingFolder = join(folder, 'staging');
  await (await import('node:fs/promises')).mkdir(stagingFolder);
  warehouse = await createDuckDbWarehouse({ path: join(folder, 'warehouse.duckdb'), tempDirectory: stagingFolder });
  store = await createTestStore();
  await store.put(jsonPathsKey, JSON.stringify(factJsonPaths));
});

afterAll(async () => {
  await warehouse.close();
  await store.remove();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(async () => {
  await warehouse.execute('drop schema if exists factline cascade');
  await warehouse.execute(factTableDdl);
});

async function put(key: string, body: string, gzip = false): Promise<string> {
  await store.put(key, gzip ? gzipSync(body) : body);
  return key;
}

function request(keys: string[], extra = ''): CopyRequest {
  return { store, table: 'factline.provider_facts', keys, options: options(extra) };
}

async function loadError(promise: Promise<unknown>): Promise<LoadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CopyLoadError);
  return (error as CopyLoadError).loadError;
}

const count = async (): Promise<number> => (await warehouse.query<{ n: number }>('select count(*) as n from factline.provider_facts'))[0]?.n ?? -1;

describe('COPY into DuckDB with JSONPaths', () => {
  it('loads NDJSON and GZIP objects, mapping expressions to columns in table order', async () => {
    // Prepare
    const plain = await put('facts/a.json', lines(fact({ email: 'a@x.io', rating: 4.5, active: true }), fact({ nightly_price: { amountMinor: 12000, currency: 'EUR' } })));
    const zipped = await put('facts/b.json.gz', lines(fact({ email: 'b@x.io', score: 0.25 })), true);

    // Act
    const first = await warehouse.copy(request([plain]));
    const second = await warehouse.copy(request([zipped], ' GZIP'));

    // Assess
    expect([first.rowsLoaded, second.rowsLoaded, first.objects]).toEqual([2, 1, 1]);
    const rows = await warehouse.query('select email, nightly_price_amount_minor, nightly_price_currency, rating, score, active, occurred_at, fact_version from factline.provider_facts order by fact_id');
    expect(rows).toEqual([
      { email: 'a@x.io', nightly_price_amount_minor: null, nightly_price_currency: null, rating: '4.50', score: null, active: true, occurred_at: new Date('2026-05-01T10:00:00.000Z'), fact_version: 1 },
      { email: 'ana@example.com', nightly_price_amount_minor: 12000, nightly_price_currency: 'EUR', rating: null, score: null, active: null, occurred_at: new Date('2026-05-01T10:00:00.000Z'), fact_version: 1 },
      { email: 'b@x.io', nightly_price_amount_minor: null, nightly_price_currency: null, rating: null, score: 0.25, active: null, occurred_at: new Date('2026-05-01T10:00:00.000Z'), fact_version: 1 },
    ]);
  });

  it('reads objects separated only by white space, across lines, with blank lines, and back to back', async () => {
    // Prepare
    const pretty = JSON.stringify(JSON.parse(fact({ email: 'p@x.io' })), null, 2);
    const key = await put('facts/c.json', `${pretty}\n\n   ${fact({ email: 'q@x.io' })}${fact({ email: 'r@x.io' })}\n`);

    // Act
    const result = await warehouse.copy(request([key]));

    // Assess
    expect(result.rowsLoaded).toBe(3);
    expect((await warehouse.query<{ email: string }>('select email from factline.provider_facts order by email')).map((r) => r.email)).toEqual(['p@x.io', 'q@x.io', 'r@x.io']);
  });

  it('loads a missing field and a JSON null as NULL', async () => {
    // Prepare
    const key = await put('facts/d.json', lines(fact({ email: undefined }), fact({ email: null })));

    // Act
    await warehouse.copy(request([key]));

    // Assess
    expect(await warehouse.query('select email from factline.provider_facts')).toEqual([{ email: null }, { email: null }]);
  });

  it('loads an object or array as its JSON text into a VARCHAR column, and as JSON into a JSON column', async () => {
    // Prepare
    const key = await put('facts/e.json', lines(fact({ tags: ['sea', 'view'], details: { rooms: 3, pets: false } })));

    // Act
    await warehouse.copy(request([key]));

    // Assess
    expect(await warehouse.query('select tags, details from factline.provider_facts')).toEqual([{ tags: '["sea","view"]', details: { rooms: 3, pets: false } }]);
  });

  it('parses ISO 8601 timestamps with TIMEFORMAT auto, including offsets, into UTC', async () => {
    // Prepare
    const key = await put('facts/f.json', lines(fact({ occurred_at: '2026-05-01T12:00:00.5+02:00', timestamp: '2026-05-01 08:30:00' })));

    // Act
    await warehouse.copy(request([key]));

    // Assess
    expect(await warehouse.query('select occurred_at, "timestamp" from factline.provider_facts')).toEqual([
      { occurred_at: new Date('2026-05-01T10:00:00.500Z'), timestamp: new Date('2026-05-01T08:30:00.000Z') },
    ]);
  });

  it('loads the columns of an explicit column list and leaves the others NULL', async () => {
    // Prepare
    await warehouse.execute('create table factline.small (a varchar, b integer, c varchar default \'dflt\')');
    await store.put('jsonpaths/small.json', JSON.stringify({ jsonpaths: ['$.x', '$.y'] }));
    const key = await put('small/a.json', lines(JSON.stringify({ x: 7, y: 'hello' })));

    // Act
    await warehouse.copy({ store, table: 'factline.small', columns: 'b, a', keys: [key], options: "JSON 's3://test-bucket/jsonpaths/small.json'" });

    // Assess
    expect(await warehouse.query('select a, b, c from factline.small')).toEqual([{ a: 'hello', b: 7, c: 'dflt' }]);
  });

  it("matches top-level keys to column names with JSON 'auto'", async () => {
    // Prepare
    await warehouse.execute('create table factline.auto_t (name varchar, n integer)');
    const key = await put('auto/a.json', lines(JSON.stringify({ n: 3, name: 'x', ignored: true }), JSON.stringify({ Name: 'case matters' })));

    // Act
    await warehouse.copy({ store, table: 'factline.auto_t', keys: [key], options: "JSON 'auto'" });

    // Assess
    expect(await warehouse.query('select name, n from factline.auto_t order by n nulls last')).toEqual([{ name: 'x', n: 3 }, { name: null, n: null }]);
  });

  it('reads array elements by zero-based index', async () => {
    // Prepare
    await warehouse.execute('create table factline.arr (first varchar, second_b integer)');
    await store.put('jsonpaths/arr.json', JSON.stringify({ jsonpaths: ["$['list'][0]", "$['list'][1]['b']"] }));
    const key = await put('arr/a.json', lines(JSON.stringify({ list: ['one', { b: 2 }] }), JSON.stringify({ other: 1 })));

    // Act
    await warehouse.copy({ store, table: 'factline.arr', keys: [key], options: "JSON 's3://test-bucket/jsonpaths/arr.json'" });

    // Assess
    expect(await warehouse.query('select first, second_b from factline.arr order by first nulls last')).toEqual([{ first: 'one', second_b: 2 }, { first: null, second_b: null }]);
  });

  it('keeps nothing from any object when one record fails', async () => {
    // Prepare
    const good = await put('facts/good.json', lines(fact(), fact()));
    const bad = await put('facts/bad.json', lines(fact(), fact({ email: 'much-too-long@example.com' })));

    // Act
    const error = await loadError(warehouse.copy(request([good, bad])));

    // Assess
    expect(error.key).toBe('facts/bad.json');
    expect(await count()).toBe(0);
  });

  it('loads from the folder bucket of @factline/object-store, as the local stack delivers it', async () => {
    // Prepare
    const bucket = createFolderObjectStore({ bucket: 'factline-local', root: join(folder, 's3') });
    await bucket.put(jsonPathsKey, JSON.stringify(factJsonPaths));
    const key = 'facts/provider/2026/05/01/10/factline-provider-1-2026-05-01-10-00-00-0b6f0a9e-8c2d-4f8e-9a57-3f1f3c1d2e4a.gz';
    await bucket.put(key, gzipSync(lines(fact(), fact(), fact())));

    // Act
    const result = await warehouse.copy({ store: bucket, table: 'factline.provider_facts', keys: [key], options: `JSON 's3://factline-local/${jsonPathsKey}' TIMEFORMAT 'auto' GZIP` });

    // Assess
    expect(result.rowsLoaded).toBe(3);
    expect(await count()).toBe(3);
  });

  it('removes its staging files, after a success and after a failure', async () => {
    // Prepare
    const good = await put('facts/g1.json', lines(fact()));
    const bad = await put('facts/g2.json', lines(fact({ fact_version: 'x' })));

    // Act
    await warehouse.copy(request([good]));
    await warehouse.copy(request([bad])).catch(() => undefined);

    // Assess
    expect(await readdir(stagingFolder)).toEqual([]);
  });
});

describe('COPY failures name the object, the line, the column and the value', () => {
  const cases: { name: string; overrides: Record<string, unknown>; column: string; rawValue?: string; errorCode: number; reason: RegExp }[] = [
    { name: 'a VARCHAR too long in bytes (multibyte characters count their bytes)', overrides: { email: 'ñññññññññ' }, column: 'email', rawValue: 'ñññññññññ', errorCode: 1204, reason: /String length exceeds DDL length \(16 bytes\)/ },
    { name: 'an integer out of range', overrides: { fact_version: 40000 }, column: 'fact_version', rawValue: '40000', errorCode: 1204, reason: /out of range for int2/ },
    { name: 'a fraction in an integer column', overrides: { fact_version: 1.5 }, column: 'fact_version', rawValue: '1.5', errorCode: 1207, reason: /Invalid digit/ },
    { name: 'text in an integer column', overrides: { event_version: 'one' }, column: 'event_version', rawValue: 'one', errorCode: 1207, reason: /Invalid digit/ },
    { name: 'a decimal with too many integer digits', overrides: { rating: 12.5 }, column: 'rating', rawValue: '12.5', errorCode: 1204, reason: /Numeric data overflow/ },
    { name: 'text in a decimal column', overrides: { rating: 'high' }, column: 'rating', rawValue: 'high', errorCode: 1209, reason: /not a decimal/ },
    { name: 'text in a float column', overrides: { score: 'x1' }, column: 'score', rawValue: 'x1', errorCode: 1208, reason: /Invalid float8/ },
    { name: 'a value that is not a boolean', overrides: { active: 'maybe' }, column: 'active', rawValue: 'maybe', errorCode: 1210, reason: /Invalid boolean/ },
    { name: 'a bad timestamp', overrides: { occurred_at: '2026-02-30T10:00:00Z' }, column: 'occurred_at', rawValue: '2026-02-30T10:00:00Z', errorCode: 1206, reason: /Invalid timestamp/ },
    { name: 'a timestamp that is not a timestamp at all', overrides: { recorded_at: 'yesterday' }, column: 'recorded_at', rawValue: 'yesterday', errorCode: 1206, reason: /Invalid timestamp/ },
    { name: 'NULL into a NOT NULL column', overrides: { entity_id: undefined }, column: 'entity_id', errorCode: 1213, reason: /Missing data for not-null field/ },
    { name: 'an object too long for its VARCHAR column', overrides: { tags: { long: 'x'.repeat(70) } }, column: 'tags', rawValue: `{"long":"${'x'.repeat(70)}"}`, errorCode: 1204, reason: /String length exceeds/ },
  ];

  for (const c of cases) {
    it(`fails the COPY on ${c.name}`, async () => {
      // Prepare
      const key = await put(`facts/${c.column}.json`, lines(fact(), fact(), fact(c.overrides), fact()));

      // Act
      const error = await loadError(warehouse.copy(request([key])));

      // Assess
      expect(error).toMatchObject({ key, url: `s3://test-bucket/${key}`, line: 3, column: c.column, errorCode: c.errorCode });
      expect(error.rawValue).toBe(c.rawValue);
      expect(error.reason).toMatch(c.reason);
      expect(await count()).toBe(0);
    });
  }

  it('holds VARCHAR columns to the byte lengths declared in factline_column_limits, which migrations can widen', async () => {
    // Prepare
    await warehouse.execute(`create table factline.evolving (fact_id varchar not null);
      alter table factline.evolving add column note varchar;
      create table factline.factline_column_limits (table_name varchar not null, column_name varchar not null, max_bytes integer not null, primary key (table_name, column_name));
      insert into factline.factline_column_limits values ('evolving', 'fact_id', 36), ('evolving', 'note', 8)`);
    await store.put('jsonpaths/evolving.json', JSON.stringify({ jsonpaths: ['$.fact_id', '$.note'] }));
    const key = await put('evolving/a.json', lines(JSON.stringify({ fact_id: 'f1', note: 'twelve bytes' })));
    const copy = (): Promise<unknown> => warehouse.copy({ store, table: 'factline.evolving', keys: [key], options: "JSON 's3://test-bucket/jsonpaths/evolving.json'" });

    // Act
    const tooLong = await loadError(copy());
    await warehouse.execute("insert or replace into factline.factline_column_limits values ('evolving', 'note', 64)");
    await copy();

    // Assess
    expect(tooLong).toMatchObject({ column: 'note', columnType: 'varchar(8)', columnLength: 8, errorCode: 1204 });
    expect(await warehouse.query('select note from factline.evolving')).toEqual([{ note: 'twelve bytes' }]);
  });

  it('reports the last line of a multi-line object, as STL_LOAD_ERRORS does', async () => {
    // Prepare
    const pretty = JSON.stringify(JSON.parse(fact({ fact_version: 'x' })), null, 2);
    const key = await put('facts/multi.json', `${fact()}\n${pretty}\n`);

    // Act
    const error = await loadError(warehouse.copy(request([key])));

    // Assess
    expect(error.line).toBe(1 + pretty.split('\n').length);
    expect(error.rawLine).toContain('"fact_version": "x"');
  });

  it('reports the first failing record in file order when several fail', async () => {
    // Prepare
    const key = await put('facts/several.json', lines(fact(), fact({ fact_version: 'a' }), fact({ email: 'x'.repeat(40) })));

    // Act
    const error = await loadError(warehouse.copy(request([key])));

    // Assess
    expect(error).toMatchObject({ line: 2, column: 'fact_version' });
  });

  it('fails on malformed JSON with its line', async () => {
    // Prepare
    const key = await put('facts/malformed.json', `${fact()}\n${fact()}\n{"fact_id": "x",\n "oops" }\n`);

    // Act
    const error = await loadError(warehouse.copy(request([key])));

    // Assess
    expect(error).toMatchObject({ key, errorCode: 1224, line: 4 });
  });

  it('fails when objects are separated by commas', async () => {
    // Prepare
    const key = await put('facts/commas.json', `${fact()},\n${fact()}\n`);

    // Act
    const error = await loadError(warehouse.copy(request([key])));

    // Assess
    expect(error).toMatchObject({ errorCode: 1224, line: 1 });
    expect(error.reason).toMatch(/only by white space/);
  });

  it('fails on a root value that is neither an object nor an array', async () => {
    // Prepare
    const key = await put('facts/scalar.json', `${fact()}\n"just a string"\n`);

    // Act
    const error = await loadError(warehouse.copy(request([key])));

    // Assess
    expect(error).toMatchObject({ errorCode: 1224, line: 2 });
  });

  it('fails when an array index points past the end of the array', async () => {
    // Prepare
    await warehouse.execute('create table factline.arr2 (first varchar)');
    await store.put('jsonpaths/arr2.json', JSON.stringify({ jsonpaths: ['$.list[2]'] }));
    const key = await put('arr/b.json', lines(JSON.stringify({ list: ['a', 'b'] })));

    // Act
    const error = await loadError(warehouse.copy({ store, table: 'factline.arr2', keys: [key], options: "JSON 's3://test-bucket/jsonpaths/arr2.json'" }));

    // Assess
    expect(error).toMatchObject({ column: 'first', errorCode: 1224, reason: 'Invalid JSONPath format: Not an array or index out of range.' });
  });

  it('fails with GZIP on an object that is not gzip, and without GZIP on one that is', async () => {
    // Prepare
    const plain = await put('facts/plain.json', lines(fact()));
    const zipped = await put('facts/zipped.json.gz', lines(fact()), true);

    // Act
    const notGzip = await loadError(warehouse.copy(request([plain], ' GZIP')));
    const gzipWithoutOption = await loadError(warehouse.copy(request([zipped])));

    // Assess
    expect(notGzip).toMatchObject({ key: plain, errorCode: 1216 });
    expect(notGzip.reason).toMatch(/not valid gzip/);
    expect(gzipWithoutOption.key).toBe(zipped);
    expect(gzipWithoutOption.reason).toMatch(/add GZIP/);
  });

  it('fails on invalid UTF-8 with load error 1220 and its line', async () => {
    // Prepare
    const bad = Buffer.concat([Buffer.from(`${fact()}\n${fact().slice(0, -2)}`), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    await store.put('facts/utf8.json', bad);

    // Act
    const error = await loadError(warehouse.copy(request(['facts/utf8.json'])));

    // Assess
    expect(error).toMatchObject({ key: 'facts/utf8.json', errorCode: 1220, line: 2 });
  });

  it('fails on a JSON object larger than 4 MB, as Redshift does', async () => {
    // Prepare
    const key = await put('facts/big.json', lines(fact(), fact({ tags: 'x'.repeat(4 * 1024 * 1024) })));

    // Act
    const error = await loadError(warehouse.copy(request([key])));

    // Assess
    expect(error).toMatchObject({ key, errorCode: 1216, line: 2 });
    expect(error.reason).toMatch(/4 MB/);
  });

  it('fails with load error 1212 when an object does not exist', async () => {
    // Act
    const error = await loadError(warehouse.copy(request(['facts/nothing-here.json'])));

    // Assess
    expect(error).toMatchObject({ key: 'facts/nothing-here.json', errorCode: 1212 });
  });
});

describe('COPY options', () => {
  it('truncates extra decimal places by default and rounds them with ROUNDEC', async () => {
    // Prepare
    const key = await put('facts/dec.json', lines(fact({ rating: 1.259 })));

    // Act
    await warehouse.copy(request([key]));
    await warehouse.copy(request([key], ' ROUNDEC'));

    // Assess
    expect((await warehouse.query<{ rating: string }>('select rating from factline.provider_facts order by rating')).map((r) => r.rating)).toEqual(['1.25', '1.26']);
  });

  it('reads exponent notation into a decimal column, truncated to its scale like any other decimal', async () => {
    // Prepare
    const key = await put('facts/exp.json', lines(fact({ rating: '1.159e0' }), fact({ rating: 2.5e-3 })));

    // Act
    await warehouse.copy(request([key]));

    // Assess
    expect((await warehouse.query<{ rating: string }>('select rating from factline.provider_facts order by rating')).map((r) => r.rating)).toEqual(['0.00', '1.15']);
  });

  it('cuts over-long strings at a character boundary with TRUNCATECOLUMNS', async () => {
    // Prepare
    const key = await put('facts/trunc.json', lines(fact({ email: 'abcdefghijklmnoé€' })));

    // Act
    await warehouse.copy(request([key], ' TRUNCATECOLUMNS'));

    // Assess
    expect(await warehouse.query('select email from factline.provider_facts')).toEqual([{ email: 'abcdefghijklmno' }]);
  });

  it('drops trailing blanks beyond the length, as Redshift does, without TRUNCATECOLUMNS', async () => {
    // Prepare
    const key = await put('facts/blanks.json', lines(fact({ nightly_price: { currency: 'EUR    ' } })));

    // Act
    await warehouse.copy(request([key]));

    // Assess
    expect(await warehouse.query('select nightly_price_currency as c from factline.provider_facts')).toEqual([{ c: 'EUR' }]);
  });

  it('loads empty strings as NULL with EMPTYASNULL, and as empty strings without it', async () => {
    // Prepare
    const key = await put('facts/empty.json', lines(fact({ email: '' })));

    // Act
    await warehouse.copy(request([key]));
    await warehouse.copy(request([key], ' EMPTYASNULL'));

    // Assess
    expect((await warehouse.query<{ email: string | null }>('select email from factline.provider_facts order by email nulls last')).map((r) => r.email)).toEqual(['', null]);
  });

  it('skips up to MAXERROR bad records and reports each of them', async () => {
    // Prepare
    const key = await put('facts/maxerror.json', lines(fact(), fact({ fact_version: 'x' }), fact(), fact({ email: 'y'.repeat(20) })));

    // Act
    const result = await warehouse.copy(request([key], ' MAXERROR 2'));
    const tooMany = await loadError(warehouse.copy(request([key], ' MAXERROR 1')));

    // Assess
    expect(result.rowsLoaded).toBe(2);
    expect(result.skipped.map((e) => [e.line, e.column])).toEqual([[2, 'fact_version'], [4, 'email']]);
    expect(tooMany.reason).toMatch(/more than MAXERROR 1/);
    expect(await count()).toBe(2);
  });

  it('reads epoch seconds with TIMEFORMAT epochsecs', async () => {
    // Prepare
    const key = await put('facts/epoch.json', lines(fact({ occurred_at: 1777629600, recorded_at: '1777629601.5' })));

    // Act
    await warehouse.copy({ ...request([key]), options: `JSON 's3://test-bucket/${jsonPathsKey}' TIMEFORMAT 'epochsecs'` });

    // Assess
    expect(await warehouse.query('select occurred_at, recorded_at from factline.provider_facts')).toEqual([{ occurred_at: new Date(1777629600 * 1000), recorded_at: new Date(1777629601500) }]);
  });

  it('refuses the ISO timestamp without TIMEFORMAT, as Redshift\'s default format does', async () => {
    // Prepare
    const key = await put('facts/default-time.json', lines(fact()));

    // Act
    const error = await loadError(warehouse.copy({ ...request([key]), options: `JSON 's3://test-bucket/${jsonPathsKey}'` }));

    // Assess
    expect(error).toMatchObject({ column: 'occurred_at', errorCode: 1206 });
  });

  it('refuses options it cannot honour, by name', async () => {
    // Act
    const error = await warehouse.copy(request(['facts/a.json'], ' ACCEPTINVCHARS')).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(WarehouseError);
    expect(error).toMatchObject({ code: 'COPY_OPTIONS_INVALID' });
    expect((error as Error).message).toMatch(/ACCEPTINVCHARS is not supported/);
  });
});

describe('COPY request checks', () => {
  it('fails when the number of jsonpaths differs from the number of columns', async () => {
    // Prepare
    await store.put('jsonpaths/short.json', JSON.stringify({ jsonpaths: ['$.fact_id'] }));
    const key = await put('facts/h.json', lines(fact()));

    // Act
    const error = await warehouse.copy({ ...request([key]), options: "JSON 's3://test-bucket/jsonpaths/short.json'" }).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'COPY_REQUEST_INVALID' });
    expect((error as Error).message).toMatch(/number of jsonpaths \(1\) and the number of columns \(18\) should match/);
  });

  it('fails with the issues of an invalid JSONPaths file', async () => {
    // Prepare
    await store.put('jsonpaths/bad.json', JSON.stringify({ jsonpaths: ['$.a', "$.b['c']", ''] }));

    // Act
    const error = await warehouse.copy({ ...request(['facts/x.json']), options: "JSON 's3://test-bucket/jsonpaths/bad.json'" }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(JsonPathsError);
    expect((error as JsonPathsError).issues.map((i) => i.pointer)).toEqual(['/jsonpaths/1', '/jsonpaths/2']);
  });

  it('fails when the table does not exist', async () => {
    // Act
    const error = await warehouse.copy({ ...request(['facts/x.json']), table: 'factline.nope' }).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'COPY_REQUEST_INVALID' });
    expect((error as Error).message).toMatch(/does not exist/);
  });

  it('fails when a NOT NULL column without default is left out of the column list', async () => {
    // Act
    const error = await warehouse.copy({ ...request(['facts/x.json']), columns: ['fact_id'] }).catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toMatch(/NOT NULL column\(s\) "entity_id"/);
  });
});
