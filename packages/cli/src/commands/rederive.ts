// `factline rederive --from … --to …`: run the current transformer over the raw source backup of a time range and
// write a corrected generation of the facts (old facts are never modified), then load it into the warehouse.
import { readFile } from 'node:fs/promises';
import { domain } from '@factline/events';
import { describeTransformer, loadGeneration, rederive, type GenerationManifest } from '@factline/recovery';
import { createTransformer } from '@factline/transformer';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { createProgress, type ProgressBar } from '../pipeline/progress.js';
import { resolveProject } from '../pipeline/project.js';
import { addStoreOptions, openStore, type StoreOptions } from './recompute.js';
import { addTargetOptions, openTarget, viewsFailures, type TargetOptions } from './views.js';

export interface RederiveCommandOptions extends TargetOptions, StoreOptions {
  from: string;
  to: string;
  recordedAt?: string;
  transformerVersion?: string;
  load: boolean;
}

const number = new Intl.NumberFormat('en-US');

/** `@factline/cli@<version> domain sha256:…`: the code that derives the facts (the transformer and domain it bundles). */
async function defaultTransformerVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return describeTransformer(pkg, domain);
}

function formatManifest(manifest: GenerationManifest): string[] {
  const { counts } = manifest;
  const lines = [
    `  ${manifest.entity}: generation ${manifest.generation}, ${number.format(counts.facts)} facts from ${number.format(counts.events)} events in ${number.format(counts.rawObjects)} raw object(s), ${number.format(counts.factObjects)} facts object(s)`,
  ];
  if (counts.failedEvents > 0) {
    lines.push(`    ${number.format(counts.failedEvents)} event(s) still refused; they keep their earlier facts (fix them, then \`factline replay\` or re-derive again):`);
    for (const failure of manifest.failures.slice(0, 10)) {
      const issue = failure.issues[0];
      lines.push(`      ${failure.source} event #${failure.index}${failure.eventId === undefined ? '' : ` (${failure.eventId})`}: ${issue === undefined ? '' : `${issue.pointer || '/'} ${issue.rule}: ${issue.message}`}`);
    }
    if (counts.failedEvents > 10) lines.push(`      … and ${number.format(counts.failedEvents - 10)} more, listed in the manifest`);
  }
  return lines;
}

export async function runRederive(io: CliIo, options: RederiveCommandOptions): Promise<void> {
  const recordedAt = options.recordedAt ?? new Date().toISOString();
  const transformerVersion = options.transformerVersion ?? (await defaultTransformerVersion());
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const { store, streams, description } = await openStore(io, project, options);
  io.out(`Re-deriving ${streams.map((s) => s.entity).join(', ')} from the raw backup in ${description}, ${options.from} to ${options.to}, recorded at ${recordedAt} (${transformerVersion})`);
  const progress = createProgress({ enabled: io.isTty, sink: process.stdout });
  const bars = new Map<string, ProgressBar>();
  const manifests = await rederive({
    store,
    streams,
    transformer: createTransformer({ domain }),
    recordedAt,
    from: options.from,
    to: options.to,
    transformerVersion,
    onProgress: (p) => {
      const bar = bars.get(p.entity) ?? progress.bar(p.entity.slice(0, 12), p.objectsTotal);
      bars.set(p.entity, bar);
      bar.update(p.objectsDone, `${number.format(p.facts)} facts`);
      if (p.objectsDone === p.objectsTotal) bar.done();
    },
  });
  io.out(manifests.flatMap(formatManifest).join('\n'));
  if (!options.load) {
    io.out('Not loaded (--no-load): `factline recompute` loads every generation.');
    return;
  }
  const target = await openTarget(io, options);
  try {
    for (const manifest of manifests.filter((m) => m.counts.facts > 0)) {
      const stream = streams.find((s) => s.entity === manifest.entity)!;
      const loaded = await loadGeneration({ warehouse: target.warehouse, store, stream, manifest });
      io.out(`  ${loaded.table}: ${loaded.status === 'loaded' ? `loaded ${number.format(loaded.rowsLoaded)} facts` : 'already loaded'} into ${target.description}`);
    }
  } finally {
    await target.warehouse.close();
  }
  io.out('The views now read the new generation: for each event they keep the facts of its latest derivation.');
}

export function registerRederive(program: Command, io: CliIo): void {
  addStoreOptions(
    addTargetOptions(
      program
        .command('rederive')
        .description('run the current transformer over the raw source backup of a time range and write a corrected generation of facts, then load it')
        .requiredOption('--from <time>', 'raw objects that arrived at or after this time (ISO 8601, e.g. 2026-05-01T00:00:00Z)')
        .requiredOption('--to <time>', 'and before this time')
        .option('--recorded-at <time>', "the new facts' recorded_at (default: now); later than every fact they replace")
        .option('--transformer-version <text>', 'written into the manifest (default: the CLI version and a fingerprint of the domain)')
        .option('--no-load', 'write the generation only (recompute or a later run loads it)'),
    ),
  ).action(async (options: RederiveCommandOptions) =>
    viewsFailures(async () => {
      if (options.recordedAt !== undefined && Number.isNaN(Date.parse(options.recordedAt))) throw new CliExit(1, `--recorded-at ${options.recordedAt} is not a time`);
      await runRederive(io, options);
    }),
  );
}
