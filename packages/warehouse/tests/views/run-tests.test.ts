// Running view tests: a query that returns no row passes; rows fail it (counted, the first few kept); a query that
// does not run is an error with the engine's message, and the other tests still run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, formatViewTestReport, runViewTests, type DuckDbWarehouse } from '@factline/warehouse';

describe('runViewTests', () => {
  let warehouse: DuckDbWarehouse;
  beforeAll(async () => {
    warehouse = await createDuckDbWarehouse({ path: ':memory:' });
    await warehouse.execute('create table nights as select * from (values (1, 3), (2, -1), (3, -2), (4, NULL)) as t(id, n)');
  });
  afterAll(async () => warehouse?.close());

  it('reports each test as pass, fail with a sample of the rows breaking it, or error', async () => {
    // Act
    const report = await runViewTests({
      warehouse,
      sampleRows: 1,
      tests: [
        { name: 'nights: not_null(id)', view: 'nights', sql: 'SELECT * FROM nights WHERE id IS NULL', source: 'views/nights.sql:2' },
        { name: 'nights: expression_is_true(n >= 0)', view: 'nights', sql: 'SELECT * FROM nights WHERE NOT (n >= 0) ORDER BY id;', source: 'views/nights.sql:3' },
        { name: 'tests/broken', view: undefined, sql: 'SELECT * FROM no_such_table', source: 'views/tests/broken.sql' },
      ],
    });
    // Assess
    expect(report).toMatchObject({ passed: 1, failed: 1, errors: 1 });
    expect(report.results[1]).toEqual({ name: 'nights: expression_is_true(n >= 0)', source: 'views/nights.sql:3', status: 'fail', failures: 2, sample: [{ id: 2, n: -1 }] });
    expect(report.results[2]).toMatchObject({ status: 'error', error: expect.stringMatching(/no_such_table/) });
    const text = formatViewTestReport(report);
    expect(text).toContain('FAIL   nights: expression_is_true(n >= 0)  (views/nights.sql:3)');
    expect(text).toContain('2 row(s) break it; the first 1:');
    expect(text).toContain('id=2, n=-1');
    expect(text.split('\n').at(-1)).toBe('3 test(s): 1 passed, 1 failed, 1 error(s)');
  });
});
