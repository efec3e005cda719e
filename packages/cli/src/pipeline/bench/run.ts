// The pipeline benchmark: N events of the demo scenario through the whole local pipeline (producer over HTTP, local
// Firehose with its write-ahead log, the real transformer, gzip objects in the folder bucket, COPY into DuckDB),
// against a floor measured in the same run (see floor.ts). Reports events/s, time per stage, peak memory and the load.
import { readdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { prepareDemoFolder } from '../demo-folder.js';
import type { LocalProject } from '../project.js';
import { runPipeline } from '../run.js';
import { scenarioProcessSender } from '../senders.js';
import { jsonRoundTrip, readJsonFloor } from './floor.js';

/**
 * Options of `runPipelineBench`.
 *
 * @example
 * const options: PipelineBenchOptions = { project, events: 1_000_000, seed: 42, log: console.log };
 */
export interface PipelineBenchOptions {
  /** A project whose data folder the benchmark may empty and fill. */
  project: LocalProject;
  events: number;
  seed: number;
  /** Buffering interval of the streams, seconds (default 1, as the demo). */
  bufferIntervalSeconds?: number;
  /** See `RunPipelineOptions.maxBufferedRecords`. */
  maxBufferedRecords?: number;
  /** Lines of progress and results, for people. */
  log: (line: string) => void;
}

/** The result: the last line of the benchmark's output, as JSON. */
export interface PipelineBenchResult {
  bench: 'pipeline';
  events: number;
  facts: number;
  factsObjects: number;
  pipelineMs: number;
  eventsPerSecond: number;
  stages: Record<string, number>;
  /** Work that overlapped the stages: time inside the transformer, time in COPYs. */
  transformerMs: number;
  copyMs: number;
  peakRssMb: number;
  /** CPU time of the pipeline (send, then deliver and load), ms: the local stack's process and the demo service's. Less noisy than wall time on a shared machine. */
  cpuMs: { stack: number; sender: number };
  floor: { jsonRoundTripMs: number; readJsonMs: number; totalMs: number; generateMs: number };
  ratio: number;
  machine: { cpus: number; loadAverageBefore: number[]; loadAverageAfter: number[]; node: string };
}

const round = (n: number): number => Math.round(n);
const load = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

async function factFiles(project: LocalProject, entities: readonly string[]): Promise<Record<string, string[]>> {
  const files: Record<string, string[]> = {};
  for (const entity of entities) {
    const folder = path.join(project.bucketRoot, project.bucket, 'facts', entity);
    const all = (await readdir(folder, { recursive: true }).catch(() => [] as string[])).map(String);
    // Facts objects only: YYYY/MM/DD/HH/<name>, not processing-failed/ (the master dataset's layout).
    files[entity] = all.filter((f) => /^\d{4}\/\d{2}\/\d{2}\/\d{2}\/[^/]+$/.test(f)).map((f) => path.join(folder, f));
  }
  return files;
}

/**
 * Runs the benchmark: the pipeline once, then the floor on the same events and the files it produced.
 *
 * @example
 * const result = await runPipelineBench({ project, events: 1_000_000, seed: 42, log: console.log });
 * console.log(JSON.stringify(result));
 */
export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineBenchResult> {
  const { project, events, seed, log } = options;
  const loadAverageBefore = load();
  log(`pipeline benchmark: ${events.toLocaleString('en-US')} events (seed ${seed}), ${cpus().length} CPUs, load average ${loadAverageBefore.join(' ')}`);
  await prepareDemoFolder(project, { reset: true });
  // The JSON floor first, in a fresh process: after the pipeline its garbage would slow it down (a kinder floor).
  log('  floor: JSON round trip of the same events');
  const json = jsonRoundTrip({ events, seed });
  let lastLogged = 0;
  const result = await runPipeline({
    project,
    sender: scenarioProcessSender({ events, seed, cwd: project.root, progressEvery: 10_000 }),
    viewsStep: undefined,
    readState: false,
    bufferIntervalSeconds: options.bufferIntervalSeconds ?? 1,
    ...(options.maxBufferedRecords === undefined ? {} : { maxBufferedRecords: options.maxBufferedRecords }),
    // A line every tenth of the events instead of a bar.
    bar: (label) => ({
      update: (sent) => {
        if (label === 'Sending' && (sent - lastLogged >= events / 10 || sent === events)) {
          lastLogged = sent;
          log(`  sent ${sent.toLocaleString('en-US')}`);
        }
      },
      done: () => undefined,
    }),
    onStage: (text) => log(`  ${text}`),
  });
  const timed = result.stages.filter((s) => s.name === 'send' || s.name === 'deliver and load');
  const pipelineMs = timed.reduce((n, s) => n + s.ms, 0);
  const cpuMs = { stack: round(timed.reduce((n, s) => n + s.cpuMs, 0)), sender: round(result.senderCpuMs ?? 0) };
  // Both processes: the local stack (this one) and the demo service's.
  const peakRssMb = process.resourceUsage().maxRSS / 1024 + (result.senderPeakRssMb ?? 0);
  if (result.send.sent !== events || result.totals.pendingLoads > 0 || result.totals.failed > 0) {
    throw new Error(`the pipeline did not deliver everything: sent ${result.send.sent}, failed ${result.totals.failed}, pending loads ${result.totals.pendingLoads}`);
  }

  log('  floor: DuckDB read_json of the fact files');
  const files = await factFiles(project, result.settings.streams.map((s) => s.entity));
  const read = await readJsonFloor(files);
  if (read.rows !== result.destination.rowsLoaded) throw new Error(`read_json read ${read.rows} facts, the pipeline loaded ${result.destination.rowsLoaded}`);
  const floorMs = json.jsonRoundTripMs + read.readJsonMs;
  const stages = Object.fromEntries(result.stages.map((s) => [s.name, round(s.ms)]));

  const bench: PipelineBenchResult = {
    bench: 'pipeline',
    events,
    facts: result.destination.rowsLoaded,
    factsObjects: result.destination.objectsLoaded,
    pipelineMs: round(pipelineMs),
    eventsPerSecond: round(events / (pipelineMs / 1000)),
    stages,
    transformerMs: round(result.transform.busyMs),
    copyMs: round(result.destination.loadMs),
    peakRssMb: round(peakRssMb),
    cpuMs,
    floor: { jsonRoundTripMs: round(json.jsonRoundTripMs), readJsonMs: round(read.readJsonMs), totalMs: round(floorMs), generateMs: round(json.generateMs) },
    ratio: Math.round((pipelineMs / floorMs) * 100) / 100,
    machine: { cpus: cpus().length, loadAverageBefore, loadAverageAfter: load(), node: process.version },
  };
  log(`  pipeline: ${(pipelineMs / 1000).toFixed(1)} s (${bench.eventsPerSecond.toLocaleString('en-US')} events/s end to end; send ${(stages['send']! / 1000).toFixed(1)} s, then deliver and load ${(stages['deliver and load']! / 1000).toFixed(1)} s; transformer ${(bench.transformerMs / 1000).toFixed(1)} s and COPY ${(bench.copyMs / 1000).toFixed(1)} s overlapping), ${bench.facts.toLocaleString('en-US')} facts in ${bench.factsObjects} objects, peak RSS ${bench.peakRssMb} MB`);
  log(`  CPU:      ${((cpuMs.stack + cpuMs.sender) / 1000).toFixed(1)} s (local stack ${(cpuMs.stack / 1000).toFixed(1)} s, demo service ${(cpuMs.sender / 1000).toFixed(1)} s)`);
  log(`  floor:    ${(floorMs / 1000).toFixed(1)} s (JSON round trip ${(json.jsonRoundTripMs / 1000).toFixed(1)} s + read_json ${(read.readJsonMs / 1000).toFixed(1)} s; generating the events alone takes ${(json.generateMs / 1000).toFixed(1)} s and is not in the floor)`);
  log(`  ratio:    ${bench.ratio} (target ≤ 4); load average after ${bench.machine.loadAverageAfter.join(' ')}`);
  return bench;
}
