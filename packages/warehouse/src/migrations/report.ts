// The report of a migrations run as text for people (`factline migrate [--dry-run]`).
import type { MigrationReport, MigrationStep } from './types.js';

/**
 * Formats a migrations report: one line per migration; a dry run also prints the SQL it would run.
 *
 * @example
 * console.log(formatMigrationReport(await runMigrations({ warehouse, folder, dryRun: true })));
 * // factline migrate (dry run) into factline.factline_migrations on duckdb: 1 to apply, 1 already applied
 * //   ✓ 0001-initial.sql  already applied 2026-05-01 10:00:00Z
 * //   → 0002-add-nights.sql  would apply (1 statement, in one transaction)
 */
export function formatMigrationReport(report: MigrationReport): string {
  const counts = report.dryRun
    ? `${report.pending} to apply, ${report.alreadyApplied} already applied`
    : `${report.applied} applied, ${report.alreadyApplied} already applied`;
  const lines = [`factline migrate${report.dryRun ? ' (dry run)' : ''} into ${report.table} on ${report.dialect}: ${counts}`];
  if (report.migrations.length === 0) lines.push(`  no migrations in ${report.folder}`);
  const width = Math.max(0, ...report.migrations.map((m) => m.name.length));
  for (const step of report.migrations) {
    lines.push(`  ${symbol(step)} ${step.name.padEnd(width)}  ${describe(step)}`);
    if (step.status === 'would-apply') for (const statement of step.statements) lines.push(...`${statement};`.split('\n').map((l) => `      ${l}`));
  }
  return lines.join('\n');
}

function symbol(step: MigrationStep): string {
  if (step.status === 'applied') return '+';
  if (step.status === 'already-applied') return '✓';
  return '→';
}

function describe(step: MigrationStep): string {
  const size = `${step.statements.length} statement${step.statements.length === 1 ? '' : 's'}, ${step.transaction ? 'in one transaction' : 'outside a transaction'}`;
  if (step.status === 'already-applied') return `already applied ${step.appliedAt === undefined ? '' : formatTime(step.appliedAt)}`.trimEnd();
  if (step.status === 'applied') return `applied (${size}) in ${step.durationMs ?? 0} ms`;
  return `would apply (${size})`;
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
