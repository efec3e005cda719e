// The demo owns its data folder: each `pnpm demo` starts from an empty one, so a rerun (or a run after one killed
// halfway) gives the same result instead of adding to it. A marker file says the folder is the demo's; the demo will
// not delete a folder without it (data from `factline local start`) unless told to with `--reset`.
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PipelineError, PipelineErrorCode } from './errors.js';
import type { LocalProject } from './project.js';

/**
 * What `.factline/demo.json` records about the demo run that made the folder.
 *
 * @example
 * const marker: DemoMarker = { formatVersion: 1, events: 100_000, seed: 42, state: 'running', startedAt: new Date().toISOString() };
 */
export interface DemoMarker {
  formatVersion: 1;
  events: number;
  seed: number;
  state: 'running' | 'complete' | 'interrupted';
  startedAt: string;
  finishedAt?: string;
}

export const demoMarkerFile = 'demo.json';
/** What the local pipeline keeps in its data folder; the demo removes exactly these. */
const pipelineEntries = ['firehose', 's3', 'warehouse.duckdb', 'warehouse.duckdb.wal', 'load-errors.jsonl', demoMarkerFile];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Refuses (DATA_DIR_IN_USE) when a running local Firehose holds the data folder (its `firehose/.lock` names a live
 * process other than this one).
 *
 * @example
 * await assertNotInUse(project);
 */
export async function assertNotInUse(project: LocalProject): Promise<void> {
  const lock = path.join(project.dataDir, 'firehose', '.lock');
  const holder = (JSON.parse(await readFile(lock, 'utf8').catch(() => '{}')) as { pid?: unknown }).pid;
  if (typeof holder === 'number' && holder !== process.pid && alive(holder)) {
    throw new PipelineError(
      PipelineErrorCode.DataDirInUse,
      `${project.dataDir} is in use by a running local stack (pid ${holder}, \`factline local start\`?). Stop it (Ctrl+C in its terminal), or run the demo with --data-dir <another folder>.`,
      { subject: project.dataDir },
    );
  }
}

/**
 * Empties the data folder for a new demo run: what an earlier demo run left is removed; a folder with other data
 * is removed only with `reset` (else DATA_DIR_NOT_DEMO). Returns the entries removed.
 *
 * @example
 * const removed = await prepareDemoFolder(project, { reset: false }); // ['firehose', 's3', 'warehouse.duckdb', …]
 */
export async function prepareDemoFolder(project: LocalProject, options: { reset: boolean }): Promise<string[]> {
  await assertNotInUse(project);
  const entries = await readdir(project.dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const ours = entries.filter((entry) => pipelineEntries.includes(entry));
  if (ours.length === 0) return [];
  if (!entries.includes(demoMarkerFile) && !options.reset) {
    throw new PipelineError(
      PipelineErrorCode.DataDirNotDemo,
      `${project.dataDir} holds data that \`factline demo\` did not create (${ours.join(', ')}), for example events sent to \`factline local start\`. The demo starts from an empty folder: run it with --reset to delete that data, or with --data-dir <another folder>.`,
      { subject: project.dataDir },
    );
  }
  for (const entry of ours) await rm(path.join(project.dataDir, entry), { recursive: true, force: true });
  return ours;
}

export async function writeDemoMarker(project: LocalProject, marker: DemoMarker): Promise<void> {
  await mkdir(project.dataDir, { recursive: true });
  await writeFile(path.join(project.dataDir, demoMarkerFile), `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * Removes the demo marker: the folder now holds data the demo did not make (`factline local start` calls it), so a
 * later demo asks before deleting it.
 *
 * @example
 * await forgetDemoMarker(project);
 */
export async function forgetDemoMarker(project: LocalProject): Promise<boolean> {
  const file = path.join(project.dataDir, demoMarkerFile);
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
