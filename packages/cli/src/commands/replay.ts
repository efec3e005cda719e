// `factline replay`: the events of Firehose's processing-failed records, checked with the current transformer and
// sent again, one envelope per record, to the local Firehose (default) or to AWS; then a report of what was recovered
// and what still fails, with the reasons.
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { domain } from '@factline/events';
import { defaultPort } from '@factline/local';
import { replay, type ReplayReport } from '@factline/recovery';
import { createTransformer } from '@factline/transformer';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { resolveProject } from '../pipeline/project.js';
import { addStoreOptions, openStore, type StoreOptions } from './recompute.js';
import { viewsFailures } from './views.js';

export interface ReplayCommandOptions extends StoreOptions {
  dataDir?: string;
  from?: string;
  to?: string;
  dryRun?: boolean;
  force?: boolean;
  firehoseEndpoint?: string;
  aws?: boolean;
}

const localEndpoint = `http://127.0.0.1:${defaultPort}`;

async function firehoseFor(options: ReplayCommandOptions): Promise<{ client: FirehoseClient; description: string }> {
  if (options.aws === true) {
    if (options.firehoseEndpoint !== undefined) throw new CliExit(1, 'give --aws or --firehose-endpoint, not both');
    return { client: new FirehoseClient(options.region === undefined ? {} : { region: options.region }), description: `Amazon Data Firehose${options.region === undefined ? '' : ` (${options.region})`}` };
  }
  const endpoint = options.firehoseEndpoint ?? localEndpoint;
  if (options.firehoseEndpoint === undefined && options.dryRun !== true) {
    const running = await fetch(`${endpoint}/_factline/status`, { signal: AbortSignal.timeout(2000) }).then(
      (answer) => answer.ok,
      () => false,
    );
    if (!running) throw new CliExit(1, `The local Firehose is not running at ${endpoint}; start it (pnpm factline local start) with the fixed transformer, then replay. Or give --firehose-endpoint / --aws.`);
  }
  return { client: new FirehoseClient({ endpoint, region: options.region ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), description: endpoint };
}

function formatReport(report: ReplayReport): string {
  const lines = [
    `Read ${report.errorRecords} failed record(s) in ${report.errorObjects} processing-failed object(s): ${report.events} event(s)`,
    `  ${report.dryRun ? 'would recover' : 'recovered'}  ${report.recovered.length} event(s)${report.dryRun ? ' (dry run: nothing sent)' : ', sent one per record'}`,
  ];
  for (const event of report.recovered.slice(0, 20)) lines.push(`    ${event.eventType ?? '?'} ${event.eventId ?? ''}  (${event.source} #${event.index})`);
  if (report.recovered.length > 20) lines.push(`    … and ${report.recovered.length - 20} more`);
  lines.push(`  still failing  ${report.stillFailing.length} event(s)${report.stillFailing.length > 0 ? ': fix them, then replay again' : ''}`);
  for (const event of report.stillFailing) {
    lines.push(`    ${event.eventType ?? '?'} ${event.eventId ?? '(no event id)'}  (${event.source} #${event.index})`);
    for (const issue of event.issues.slice(0, 5)) lines.push(`      ${issue.pointer || '/'}  ${issue.rule}: ${issue.message}`);
  }
  if (report.notSent.length > 0) {
    lines.push(`  not sent       ${report.notSent.length} event(s): the producer gave up; replay again`);
    for (const event of report.notSent.slice(0, 10)) lines.push(`    ${event.eventId ?? ''}  ${event.reason}`);
  }
  if (report.alreadyReplayed > 0) lines.push(`  already replayed by an earlier run: ${report.alreadyReplayed} event(s) (--force sends them again)`);
  if (report.duplicates > 0) lines.push(`  the same event in several records: ${report.duplicates} copy(ies), sent once`);
  for (const key of report.ledger) lines.push(`  ledger: ${key}`);
  return lines.join('\n');
}

export async function runReplay(io: CliIo, options: ReplayCommandOptions): Promise<void> {
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const { store, streams, description } = await openStore(io, project, options);
  const firehose = await firehoseFor(options);
  io.out(`Replaying the processing-failed records of ${streams.map((s) => s.entity).join(', ')} in ${description} to ${firehose.description}`);
  try {
    const report = await replay({
      store,
      streams,
      transformer: createTransformer({ domain }),
      firehose: firehose.client,
      dryRun: options.dryRun === true,
      force: options.force === true,
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.to === undefined ? {} : { to: options.to }),
    });
    io.out(formatReport(report));
    if (report.notSent.length > 0) throw new CliExit(1);
  } finally {
    firehose.client.destroy();
  }
}

export function registerReplay(program: Command, io: CliIo): void {
  addStoreOptions(
    program
      .command('replay')
      .description("send again the events of Firehose's processing-failed records that the current transformer accepts, one per record; report what still fails")
      .option('--data-dir <dir>', 'the local data folder (default: .factline/ at the project root)')
      .option('--from <time>', 'only error objects written at or after this time (ISO 8601)')
      .option('--to <time>', 'and before this time')
      .option('--dry-run', 'report what would be sent; send nothing')
      .option('--force', 'send again the events an earlier replay sent')
      .option('--firehose-endpoint <url>', `where to send (default: the local Firehose, ${localEndpoint})`)
      .option('--aws', 'send to Amazon Data Firehose (credentials and region from the environment or --region)')
      .option('--region <region>', 'AWS region'),
  ).action(async (options: ReplayCommandOptions) => viewsFailures(() => runReplay(io, options)));
}
