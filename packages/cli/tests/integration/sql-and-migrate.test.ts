// `factline migrate` and `factline sql` on a local data folder, and `factline migrate` against a server that answers
// like the Redshift Data API.
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDataApiServer, type DataApiServer } from '../../../warehouse/tests/support/data-api-server.js';
import { runCaptured } from '../support/capture.js';
import { repositoryRoot, temporaryProject } from '../support/local-project.js';

let dataDir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dataDir, remove } = await temporaryProject());
});
afterEach(async () => remove());

/** How many migrations the repository has now (adding a schema, as CONTRIBUTING.md shows, adds one). */
const migrationCount = async (dialect: 'duckdb' | 'redshift') => (await readdir(path.join(repositoryRoot, 'generated/migrations', dialect))).filter((f) => f.endsWith('.sql')).length;

const cli = (...args: string[]) => runCaptured([...args, '--data-dir', dataDir], repositoryRoot);
const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

describe('factline migrate (local DuckDB)', () => {
  it('with --dry-run prints what it would apply, with the SQL, and creates nothing', async () => {
    // Act
    const run = await cli('migrate', '--dry-run');
    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/does not exist yet/);
    expect(run.stdout).toContain(`factline migrate (dry run) into factline.factline_migrations on duckdb: ${await migrationCount('duckdb')} to apply, 0 already applied`);
    expect(run.stdout).toMatch(/→ 0001-initial\.sql +would apply/);
    expect(run.stdout).toContain('CREATE TABLE factline.booking_facts');
    expect(await exists(path.join(dataDir, 'warehouse.duckdb'))).toBe(false);
  });

  it('applies the migrations once: a second run finds them applied', async () => {
    // Act
    const first = await cli('migrate');
    const second = await cli('migrate');
    // Assess
    expect(first.stderr).toBe("");
    const count = await migrationCount('duckdb');
    expect(first.stdout).toContain(`${count} applied, 0 already applied`);
    expect(second.stdout).toContain(`0 applied, ${count} already applied`);
    expect(second.stdout).toMatch(/✓ 0001-initial\.sql +already applied/);
  });

  it('refuses Redshift options without a workgroup or cluster', async () => {
    // Act
    const run = await cli('migrate', '--database', 'dev');
    // Assess
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('--database is a Redshift option: give --workgroup or --cluster too');
  });
});

describe('factline migrate (Redshift Data API)', () => {
  let server: DataApiServer | undefined;
  const saved = { id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY'] };
  beforeEach(() => {
    // The SDK's default credential chain, as a person's shell would provide it.
    process.env['AWS_ACCESS_KEY_ID'] = 'local';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'local';
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    for (const [key, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('with --dry-run prints the generated Redshift migrations it would apply, with their SQL', async () => {
    // Prepare
    server = await startDataApiServer({ path: path.join(dataDir, 'redshift.duckdb') });
    // Act
    const run = await cli('migrate', '--dry-run', '--cluster', 'analytics', '--database', 'dev', '--db-user', 'loader', '--region', 'eu-west-1', '--endpoint', server.endpoint);
    // Assess
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Redshift cluster analytics, database dev, migrations from generated/migrations/redshift');
    expect(run.stdout).toContain(`factline migrate (dry run) into factline.factline_migrations on redshift: ${await migrationCount('redshift')} to apply, 0 already applied`);
    expect(run.stdout).toContain('DISTKEY');
    const calls = server.requests.filter((r) => r.operation === 'ExecuteStatement');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.body['ClusterIdentifier'] === 'analytics' && r.body['DbUser'] === 'loader' && r.body['Database'] === 'dev')).toBe(true);
  });

  it('applies the Redshift migrations through the Data API as the serverless workgroup given, each only once', async () => {
    // Prepare: a project whose Redshift migrations the test server (DuckDB underneath) can run.
    server = await startDataApiServer({ path: path.join(dataDir, 'redshift.duckdb') });
    const project = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/redshift-project');
    const args = ['migrate', '--workgroup', 'analytics', '--database', 'dev', '--region', 'eu-west-1', '--endpoint', server.endpoint, '--data-dir', dataDir];
    // Act
    const first = await runCaptured(args, project);
    const second = await runCaptured(args, project);
    // Assess
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/2 applied, 0 already applied/);
    expect(second.stdout).toMatch(/0 applied, 2 already applied/);
    const executed = server.requests.filter((r) => r.operation === 'ExecuteStatement' || r.operation === 'BatchExecuteStatement');
    expect(executed.every((r) => r.body['WorkgroupName'] === 'analytics' && r.body['Database'] === 'dev')).toBe(true);
    const columns = await server.warehouse.query<{ column_name: string }>("select column_name from information_schema.columns where table_schema = 'factline' and table_name = 'booking_facts' order by ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual(['fact_id', 'entity_id', 'fact_type', 'occurred_at', 'status', 'nights']);
  });

  it('needs --database with a workgroup', async () => {
    // Act
    const run = await cli('migrate', '--workgroup', 'analytics');
    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--database is required with --workgroup or --cluster');
  });
});

describe('factline sql', () => {
  it('prints the rows as an aligned table', async () => {
    // Prepare
    await cli('migrate');
    // Act
    const run = await cli('sql', "select 'booking' as entity, 3 as n, null as nothing union all select 'accommodation', 12, null order by n");
    // Assess
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe([' entity        |  n | nothing', '---------------+----+---------', ' booking       |  3 | NULL', ' accommodation | 12 | NULL', '(2 rows)', ''].join('\n'));
  });

  it('with --json prints a JSON array of objects keyed by column name', async () => {
    // Prepare
    await cli('migrate');
    // Act
    const run = await cli('sql', '--json', "select 'b1' as entity_id, 3 as nights, timestamptz '2026-05-01 10:00:00+00' as at, [1, 2] as list, 1.50::decimal(10,2) as price");
    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ entity_id: 'b1', nights: 3, at: '2026-05-01T10:00:00.000Z', list: [1, 2], price: '1.50' }]);
  });

  it("ends bad SQL with DuckDB's message and exit code 1, without a stack trace", async () => {
    // Prepare
    await cli('migrate');
    // Act
    const run = await cli('sql', 'select * from factline.no_such_table');
    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: Catalog Error: Table with name no_such_table does not exist/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says how to make the warehouse when there is none, and creates nothing', async () => {
    // Act
    const run = await cli('sql', 'select 1');
    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no local warehouse at');
    expect(run.stderr).toContain('pnpm demo');
    expect(await exists(path.join(dataDir, 'warehouse.duckdb'))).toBe(false);
  });
});
