import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationError, parseMigration, readMigrationFolder } from '@factline/warehouse';

describe('parseMigration', () => {
  it('splits statements at ";" at the end of a line and drops comment-only lines between them', () => {
    // Prepare
    const text = '-- add nights\nalter table factline.booking_facts\n  add column nights smallint;\n\n-- and a note\ncomment on column factline.booking_facts.nights is \'a; b\';\n';

    // Act
    const file = parseMigration('0002-add-nights.sql', 2, '/m/0002-add-nights.sql', text);

    // Assess
    expect(file.statements).toEqual(['alter table factline.booking_facts\n  add column nights smallint', "comment on column factline.booking_facts.nights is 'a; b'"]);
    expect(file.transaction).toBe(true);
    expect(file.checksum).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('reads the transaction=false directive on the first line', () => {
    // Act
    const file = parseMigration('0003-widen.sql', 3, '/m/0003-widen.sql', '-- factline:transaction=false\nalter table t alter column c type varchar(512);\n');

    // Assess
    expect(file.transaction).toBe(false);
    expect(file.statements).toEqual(['alter table t alter column c type varchar(512)']);
  });

  it('gives the same checksum to CRLF and LF line endings', () => {
    // Act
    const lf = parseMigration('0001-a.sql', 1, '/m', 'create table t (a int);\n');
    const crlf = parseMigration('0001-a.sql', 1, '/m', 'create table t (a int);\r\n');

    // Assess
    expect(crlf.checksum).toBe(lf.checksum);
  });

  const invalid: [name: string, text: string, message: RegExp][] = [
    ['a last statement without ";"', 'create table t (a int);\ninsert into t values (1)\n', /does not end with ";"/],
    ['no statement at all', '-- nothing yet\n\n', /no SQL statement/],
    ['an unknown directive', '-- factline:transactions=false\ncreate table t (a int);\n', /unknown directive/],
  ];
  for (const [name, text, message] of invalid) {
    it(`refuses ${name}`, () => {
      // Act and assess
      expect(() => parseMigration('0001-a.sql', 1, '/m', text)).toThrow(message);
    });
  }
});

describe('readMigrationFolder', () => {
  async function folderWith(files: Record<string, string>): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'factline-migration-files-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
    return folder;
  }

  it('reads the migrations in number order and ignores other files', async () => {
    // Prepare
    const folder = await folderWith({ '0002-b.sql': 'select 2;\n', '0001-a.sql': 'select 1;\n', 'README.md': '# migrations' });

    // Act
    const files = await readMigrationFolder(folder);

    // Assess
    expect(files.map((f) => [f.id, f.name])).toEqual([[1, '0001-a.sql'], [2, '0002-b.sql']]);
    await rm(folder, { recursive: true });
  });

  const refused: [name: string, files: Record<string, string>, message: RegExp][] = [
    ['a file name without four digits', { '1-a.sql': 'select 1;\n' }, /must be NNNN-<slug>\.sql/],
    ['a file name with capitals', { '0001-Initial.sql': 'select 1;\n' }, /must be NNNN-<slug>\.sql/],
    ['two files with one number', { '0001-a.sql': 'select 1;\n', '0001-b.sql': 'select 2;\n' }, /same number as 0001-a\.sql/],
  ];
  for (const [name, files, message] of refused) {
    it(`refuses ${name}`, async () => {
      // Prepare
      const folder = await folderWith(files);

      // Act
      const error = await readMigrationFolder(folder).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(MigrationError);
      expect(error).toMatchObject({ code: 'MIGRATION_FILE_INVALID' });
      expect((error as Error).message).toMatch(message);
      await rm(folder, { recursive: true });
    });
  }

  it('refuses a folder that does not exist, naming it', async () => {
    // Act
    const error = await readMigrationFolder('/nonexistent/migrations/duckdb').catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toMatch(/\/nonexistent\/migrations\/duckdb cannot be read/);
  });
});
