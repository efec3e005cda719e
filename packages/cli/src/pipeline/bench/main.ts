// `pnpm bench:pipeline [--events N --seed S --data-dir DIR --buffer-interval S --max-buffered N]`: runs the pipeline benchmark in
// a temporary data folder (or DIR) and prints its result; the last line of output is one JSON object.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveProject } from '../project.js';
import { runPipelineBench } from './run.js';

const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] !== undefined ? (process.argv[index + 1] as string) : fallback;
};

const events = Number(argument('events', '1000000'));
const seed = Number(argument('seed', '42'));
const bufferIntervalSeconds = Number(argument('buffer-interval', '1'));
const maxBufferedRecords = Number(argument('max-buffered', '2000'));
const given = argument('data-dir', '');
const dataDir = given === '' ? await mkdtemp(path.join(tmpdir(), 'factline-bench-')) : path.resolve(process.env['INIT_CWD'] ?? process.cwd(), given);
try {
  const project = await resolveProject(process.env['INIT_CWD'] ?? process.cwd(), { dataDir });
  const result = await runPipelineBench({ project, events, seed, bufferIntervalSeconds, maxBufferedRecords, log: (line) => console.log(line) });
  console.log(JSON.stringify(result));
} finally {
  if (given === '') await rm(dataDir, { recursive: true, force: true });
}
