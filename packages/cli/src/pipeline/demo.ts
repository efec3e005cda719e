// `pnpm demo`: the seeded scenario of the demo service through the whole local pipeline, from an empty data folder.
import { prepareDemoFolder, writeDemoMarker, type DemoMarker } from './demo-folder.js';
import type { LocalProject } from './project.js';
import type { ProgressBar } from './progress.js';
import { runPipeline, type PipelineRunResult } from './run.js';
import { scenarioProcessSender } from './senders.js';
import type { ViewsStep } from './views-step.js';

/**
 * Options of `runDemo`.
 *
 * @example
 * const options: DemoOptions = { project, events: 100_000, seed: 42, reset: false };
 */
export interface DemoOptions {
  project: LocalProject;
  /** How many events the demo service sends. */
  events: number;
  seed: number;
  /** Delete the data folder's contents even when an earlier demo did not make them. */
  reset: boolean;
  bufferIntervalSeconds?: number;
  bar?: (label: string, total: number | undefined) => ProgressBar;
  onStage?: (text: string) => void;
  /** Stops sending; what was sent is still delivered, loaded and summarised. */
  signal?: AbortSignal;
  viewsStep?: ViewsStep | undefined;
}

/** What the demo did, for its summary. */
export interface DemoResult extends PipelineRunResult {
  /** What an earlier run left in the data folder and this run removed. */
  removed: string[];
  interrupted: boolean;
  seed: number;
  eventsAsked: number;
}

/**
 * Empties the data folder (see `prepareDemoFolder`), records the run in `demo.json`, and runs the pipeline with the
 * demo service's seeded scenario. A rerun with the same seed sends the very same events into an empty folder, so it
 * gives the same facts; a run killed halfway leaves a marker saying so, and the next run starts over.
 *
 * @example
 * const result = await runDemo({ project, events: 100_000, seed: 42, reset: false });
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { project, events, seed } = options;
  const removed = await prepareDemoFolder(project, { reset: options.reset });
  const marker: DemoMarker = { formatVersion: 1, events, seed, state: 'running', startedAt: new Date().toISOString() };
  await writeDemoMarker(project, marker);
  const result = await runPipeline({
    project,
    sender: scenarioProcessSender({ events, seed, cwd: project.root }),
    ...(options.bufferIntervalSeconds === undefined ? {} : { bufferIntervalSeconds: options.bufferIntervalSeconds }),
    ...(options.bar === undefined ? {} : { bar: options.bar }),
    ...(options.onStage === undefined ? {} : { onStage: options.onStage }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...('viewsStep' in options ? { viewsStep: options.viewsStep } : {}),
  });
  const interrupted = result.send.aborted;
  await writeDemoMarker(project, { ...marker, state: interrupted ? 'interrupted' : 'complete', finishedAt: new Date().toISOString() });
  return { ...result, removed, interrupted, seed, eventsAsked: events };
}
