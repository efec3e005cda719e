// @ts-check
// SQL text helpers for the few statements the migrator writes itself.
import { createHash } from 'node:crypto';

/** @param {string} name */
export function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

/** @param {string} value */
export function sqlLiteral(value) {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Redshift's MD5 password form, so that the clear password never appears in SQL text or query logs:
 * 'md5' followed by md5(password || username).
 * @param {string} password
 * @param {string} username
 */
export function md5Password(password, username) {
  return `md5${createHash('md5').update(`${password}${username}`, 'utf8').digest('hex')}`;
}

/** The migrations table, as @factline/warehouse creates it. @param {string} schema */
export function migrationsTable(schema) {
  return `${quoteIdentifier(schema)}.${quoteIdentifier('factline_migrations')}`;
}

/** @param {string} schema */
export function createMigrationsTable(schema) {
  return `create table if not exists ${migrationsTable(schema)} (id integer not null, name varchar(255) not null, checksum varchar(64) not null, applied_at timestamptz not null, primary key (id))`;
}

/**
 * @param {string} schema
 * @param {{ id: number, name: string, checksum: string }} migration
 * @param {Date} appliedAt
 */
export function recordMigration(schema, migration, appliedAt) {
  const timestamp = `${appliedAt.toISOString().replace('T', ' ').replace('Z', '')}+00`;
  return `insert into ${migrationsTable(schema)} (id, name, checksum, applied_at) values (${migration.id}, ${sqlLiteral(migration.name)}, ${sqlLiteral(migration.checksum)}, cast(${sqlLiteral(timestamp)} as timestamptz))`;
}
