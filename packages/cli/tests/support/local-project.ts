// A local project on the repository's generated files with its own data folder, so the pipeline's tests never touch
// the repository's `.factline/`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveProject, type LocalProject } from '../../src/pipeline/project.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export async function temporaryProject(): Promise<{ project: LocalProject; dataDir: string; remove(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'factline-pipeline-'));
  const project = await resolveProject(repositoryRoot, { dataDir });
  return { project, dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}
