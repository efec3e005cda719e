// @ts-check
// Which migrations to apply, checked against what the warehouse recorded: the same rules as `factline migrate`
// (an applied file must be unchanged, new files come after the last applied one), with one difference: a recorded
// migration this deploy does not know is left alone, because CloudFormation replays the previous properties when it
// rolls a failed update back, and the database change of the newer deploy cannot be rolled back with it.

/**
 * @typedef {{ id: number, name: string, checksum: string, transaction: boolean, statements: string[] }} Migration
 * @typedef {{ id: number, name: string, checksum: string }} Recorded
 */

export class MigrationHistoryError extends Error {
  /** @param {string} code @param {string} message @param {string} migration */
  constructor(code, message, migration) {
    super(message);
    this.name = 'MigrationHistoryError';
    this.code = code;
    this.migration = migration;
  }
}

/**
 * @param {Migration[]} migrations in id order
 * @param {Recorded[]} recorded
 * @returns {{ pending: Migration[], unknown: Recorded[] }}
 */
export function planMigrations(migrations, recorded) {
  const unknown = [];
  for (const record of recorded) {
    const migration = migrations.find((m) => m.id === record.id);
    if (migration === undefined) {
      unknown.push(record);
      continue;
    }
    if (migration.name !== record.name) {
      throw new MigrationHistoryError('MIGRATION_MISSING', `Migration ${record.name} was applied, but this deploy has ${migration.name} under number ${record.id}. Migrations are append-only: restore the file.`, record.name);
    }
    if (migration.checksum !== record.checksum.trim()) {
      throw new MigrationHistoryError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `Migration ${migration.name} was edited after it was applied: recorded checksum ${record.checksum.trim()}, file checksum ${migration.checksum}. Restore the file and add a new migration for the change.`,
        migration.name,
      );
    }
  }
  const last = Math.max(0, ...recorded.map((r) => r.id));
  const pending = migrations.filter((m) => !recorded.some((r) => r.id === m.id));
  const early = pending.find((m) => m.id < last);
  if (early !== undefined) {
    throw new MigrationHistoryError('MIGRATION_OUT_OF_ORDER', `Migration ${early.name} is numbered below migration ${last}, which is already applied. Renumber it after the last applied migration.`, early.name);
  }
  return { pending, unknown };
}
