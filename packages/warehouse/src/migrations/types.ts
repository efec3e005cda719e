// The migrations runner's input and its structured report (what the CLI prints).
import type { Warehouse } from '../types.js';

/**
 * What `runMigrations` needs.
 *
 * @example
 * const options: MigrateOptions = { warehouse, folder: 'generated/migrations/duckdb', schema: 'factline', dryRun: true };
 */
export interface MigrateOptions {
  warehouse: Warehouse;
  /** The dialect folder: `generated/migrations/duckdb` or `generated/migrations/redshift`. */
  folder: string;
  /** The warehouse schema that holds `factline_migrations` (default `factline`). */
  schema?: string;
  /** Report what would be applied without changing anything (default false). */
  dryRun?: boolean;
}

/**
 * One migration file, read and split into statements.
 *
 * @example
 * const [first]: MigrationFile[] = await readMigrationFolder('generated/migrations/duckdb');
 */
export interface MigrationFile {
  /** The number in the file name (`0002` → 2). */
  id: number;
  /** The file name, `0002-add-booking-nights.sql`. */
  name: string;
  /** The absolute path. */
  path: string;
  /** SHA-256 (hex) of the file with line endings normalised to `\n`. */
  checksum: string;
  /** False when the first line is `-- factline:transaction=false`. */
  transaction: boolean;
  /** The statements, in order, without their final `;`. */
  statements: string[];
}

/**
 * What happened to one migration.
 *
 * @example
 * const pending = report.migrations.filter((m) => m.status === 'would-apply');
 */
export type MigrationStatus = 'applied' | 'already-applied' | 'would-apply';

/**
 * One line of the report.
 *
 * @example
 * for (const step of report.migrations) console.log(step.name, step.status, step.checksum);
 */
export interface MigrationStep {
  id: number;
  name: string;
  checksum: string;
  status: MigrationStatus;
  transaction: boolean;
  statements: string[];
  /** When it was applied (now, or as recorded). */
  appliedAt?: Date;
  /** How long applying it took (only for `applied`). */
  durationMs?: number;
}

/**
 * The result of a migrations run.
 *
 * @example
 * const report = await runMigrations({ warehouse, folder });
 * console.log(`${report.applied} applied, ${report.alreadyApplied} already applied`);
 */
export interface MigrationReport {
  folder: string;
  /** `<schema>.factline_migrations`. */
  table: string;
  dialect: Warehouse['dialect'];
  dryRun: boolean;
  migrations: MigrationStep[];
  applied: number;
  alreadyApplied: number;
  /** Migrations a dry run would apply. */
  pending: number;
}
