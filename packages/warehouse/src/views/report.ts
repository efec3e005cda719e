// Deployment and test reports as text, for `factline views deploy` and `factline views test`.
import type { ViewDeployReport, ViewTestReport } from './types.js';

const value = (v: unknown): string => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/**
 * What a deployment did (or, dry run, would do), one line per view that changes.
 *
 * @example
 * console.log(formatViewDeployReport(await deployViews({ warehouse, views })));
 */
export function formatViewDeployReport(report: ViewDeployReport): string {
  const verb = report.dryRun ? 'would be ' : '';
  const width = Math.max(0, ...report.views.map((v) => v.name.length));
  const lines = report.views.filter((v) => v.status !== 'unchanged').map((v) => `  ${(report.dryRun ? `${v.status} (dry run)` : v.status).padEnd(19)} ${v.name.padEnd(width)}  ${v.source}`);
  const summary = `views (${report.dialect}): ${report.created} ${verb}created, ${report.replaced} ${verb}replaced, ${report.unchanged} unchanged, ${report.dropped} ${verb}dropped (ledger ${report.ledger})`;
  return [summary, ...lines].join('\n');
}

/**
 * Each failed or erroneous test with its source and a few failing rows, then a summary line.
 *
 * @example
 * console.log(formatViewTestReport(await runViewTests({ warehouse, tests })));
 */
export function formatViewTestReport(report: ViewTestReport): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.status === 'pass') {
      lines.push(`  pass   ${result.name}`);
      continue;
    }
    lines.push(`  ${result.status === 'fail' ? 'FAIL ' : 'ERROR'}  ${result.name}  (${result.source})`);
    if (result.status === 'error') lines.push(`         ${result.error ?? ''}`);
    else {
      lines.push(`         ${result.failures} row(s) break it${result.sample.length < result.failures ? `; the first ${result.sample.length}:` : ':'}`);
      for (const row of result.sample) lines.push(`         ${Object.entries(row).map(([k, v]) => `${k}=${v === null ? 'NULL' : value(v)}`).join(', ')}`);
    }
  }
  lines.push(`${report.results.length} test(s): ${report.passed} passed, ${report.failed} failed, ${report.errors} error(s)`);
  return lines.join('\n');
}
