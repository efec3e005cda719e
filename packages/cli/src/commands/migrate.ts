// `factline migrate [--dry-run]`: the generated migrations, into the local DuckDB warehouse by default, or into
// Amazon Redshift through the Data API when a workgroup or cluster is given.
import { access } from 'node:fs/promises';
import { readStreamSettings } from '@factline/stream-settings';
import { createDuckDbWarehouse, createRedshiftWarehouse, formatMigrationReport, type RedshiftWarehouseOptions, type Warehouse } from '@factline/warehouse';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { expectedFailures } from '../pipeline/cli-errors.js';
import { openLocalWarehouse } from '../pipeline/local-warehouse.js';
import { requireGenerated, resolveProject, shown } from '../pipeline/project.js';

export interface MigrateOptions {
  dryRun?: boolean;
  dataDir?: string;
  schema?: string;
  workgroup?: string;
  cluster?: string;
  database?: string;
  secretArn?: string;
  dbUser?: string;
  region?: string;
  endpoint?: string;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

export async function runMigrate(io: CliIo, options: MigrateOptions): Promise<void> {
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const redshift = options.workgroup !== undefined || options.cluster !== undefined;
  if (!redshift) {
    for (const flag of ['database', 'secretArn', 'dbUser', 'region', 'endpoint'] as const) {
      if (options[flag] !== undefined) throw new CliExit(1, `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is a Redshift option: give --workgroup or --cluster too`);
    }
  }
  const folder = redshift ? project.redshiftMigrations : project.duckDbMigrations;
  await requireGenerated(folder, project.root);
  const schema = options.schema ?? (await readStreamSettings(project.streamSettingsPath).then((s) => s.warehouse.schema, () => 'factline'));
  let warehouse: Warehouse;
  let target: string;
  if (redshift) {
    if (options.database === undefined) throw new CliExit(1, '--database is required with --workgroup or --cluster');
    const redshiftOptions: RedshiftWarehouseOptions = {
      database: options.database,
      ...(options.workgroup === undefined ? {} : { workgroupName: options.workgroup }),
      ...(options.cluster === undefined ? {} : { clusterIdentifier: options.cluster }),
      ...(options.secretArn === undefined ? {} : { secretArn: options.secretArn }),
      ...(options.dbUser === undefined ? {} : { dbUser: options.dbUser }),
      clientConfig: { ...(options.region === undefined ? {} : { region: options.region }), ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) },
    };
    warehouse = createRedshiftWarehouse(redshiftOptions);
    target = `Redshift ${options.workgroup === undefined ? `cluster ${options.cluster}` : `workgroup ${options.workgroup}`}, database ${options.database}`;
  } else if (options.dryRun === true && !(await exists(project.warehousePath))) {
    // A dry run creates nothing: with no warehouse file yet, every migration is pending.
    warehouse = await createDuckDbWarehouse({ path: ':memory:' });
    target = `DuckDB ${shown(project.warehousePath, io.cwd)} (does not exist yet)`;
  } else {
    warehouse = await openLocalWarehouse({ path: project.warehousePath });
    target = `DuckDB ${shown(project.warehousePath, io.cwd)}`;
  }
  try {
    io.out(`${target}, migrations from ${shown(folder, io.cwd)}`);
    io.out(formatMigrationReport(await warehouse.migrate({ folder, schema, dryRun: options.dryRun === true })));
  } finally {
    await warehouse.close();
  }
}

export function registerMigrate(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('apply the generated migrations: to the local DuckDB warehouse (.factline/warehouse.duckdb), or to Redshift through the Data API')
    .option('--dry-run', 'change nothing; print what would run, with its SQL')
    .option('--data-dir <dir>', 'the local data folder (default: .factline/ at the project root)')
    .option('--schema <name>', 'schema of the factline_migrations table (default: the stream settings\' warehouse schema)')
    .option('--workgroup <name>', 'Redshift Serverless workgroup (name or ARN)')
    .option('--cluster <id>', 'provisioned Redshift cluster identifier')
    .option('--database <name>', 'Redshift database (with --workgroup or --cluster)')
    .option('--secret-arn <arn>', 'authenticate with a Secrets Manager secret')
    .option('--db-user <user>', 'authenticate to a cluster as this database user (temporary credentials)')
    .option('--region <region>', 'AWS region of the Data API (default: from the AWS configuration)')
    .option('--endpoint <url>', 'Data API endpoint (default: the region\'s)')
    .addHelpText(
      'after',
      '\nWithout --workgroup or --cluster: generated/migrations/duckdb into the local warehouse. With one of them:\n' +
        'generated/migrations/redshift through the Redshift Data API, authenticated by the AWS credentials in your\n' +
        'environment (serverless or cluster as your IAM identity), --secret-arn, or --db-user.',
    )
    .action(async (options: MigrateOptions) => expectedFailures(() => runMigrate(io, options)));
}
