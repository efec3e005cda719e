// Running view tests: each test is a query returning the rows that break a rule; no row is a pass.
import { StatementError } from '../errors.js';
import type { RunViewTestsOptions, ViewTestReport, ViewTestResult } from './types.js';

/**
 * Runs every test against the warehouse, one after the other, and reports each as pass, fail (with the number of
 * rows breaking it and the first few) or error (the query itself failed, with the engine's message). Only
 * infrastructure faults throw.
 *
 * @example
 * const report = await runViewTests({ warehouse, tests: compileViewsFolder(folder).tests });
 * console.log(formatViewTestReport(report));
 * process.exitCode = report.failed + report.errors > 0 ? 1 : 0;
 */
export async function runViewTests(options: RunViewTestsOptions): Promise<ViewTestReport> {
  const { warehouse } = options;
  const sampleRows = options.sampleRows ?? 5;
  const results: ViewTestResult[] = [];
  for (const test of options.tests) {
    const body = test.sql.trim().replace(/;\s*$/, '');
    try {
      const [count] = await warehouse.query<{ failures: number | bigint }>(`select count(*) as failures from (\n${body}\n) as factline_test`);
      const failures = Number(count?.failures ?? 0);
      const sample = failures === 0 || sampleRows === 0 ? [] : await warehouse.query(`select * from (\n${body}\n) as factline_test limit ${Math.max(0, Math.floor(sampleRows))}`);
      results.push({ name: test.name, source: test.source, status: failures === 0 ? 'pass' : 'fail', failures, sample });
    } catch (error) {
      if (!(error instanceof StatementError)) throw error;
      results.push({ name: test.name, source: test.source, status: 'error', failures: 0, sample: [], error: error.engineMessage || error.message });
    }
  }
  const count = (status: ViewTestResult['status']) => results.filter((r) => r.status === status).length;
  return { results, passed: count('pass'), failed: count('fail'), errors: count('error') };
}
