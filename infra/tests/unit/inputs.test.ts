import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InfraError, InfraErrorCode, loadProjectInputs, projectPaths } from '@factline/infra';
import { generatedProject, transformerBundleDir } from '../support/project.js';

let source: string;
let dir: string;
beforeAll(async () => {
  source = await generatedProject();
});
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** A copy of the generated files alone, to damage one at a time. */
async function copyGenerated(): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'factline-inputs-'));
  await cp(path.join(source, 'generated'), path.join(dir, 'generated'), { recursive: true });
  return dir;
}

async function failure(root: string, options = { transformerBundleDir }): Promise<InfraError> {
  const error = await loadProjectInputs(root, options).catch((e: unknown) => e);
  if (!(error instanceof InfraError)) throw new Error(`expected an InfraError, got ${String(error)}`);
  return error;
}

describe('loadProjectInputs', () => {
  it('reads every stream with its table and JSONPaths file, and the migrations', async () => {
    const inputs = await loadProjectInputs(await copyGenerated(), { transformerBundleDir });
    expect(inputs.entities.map((e) => e.stream.entity)).toEqual(inputs.settings.streams.map((st) => st.entity));
    for (const { stream, table, jsonPaths } of inputs.entities) {
      expect(table.name).toBe(stream.redshift.table.name);
      expect(jsonPaths.key).toBe(stream.redshift.jsonPathsKey);
      expect((JSON.parse(jsonPaths.body) as { jsonpaths: string[] }).jsonpaths).toHaveLength(table.columns.length);
    }
    expect(inputs.migrations[0]?.name).toBe('0001-initial.sql');
  });

  it('tells to run the generator when the stream settings are missing', async () => {
    const error = await failure(await mkdtemp(path.join(tmpdir(), 'factline-empty-')));
    expect(error.code).toBe(InfraErrorCode.inputMissing);
    expect(error.message).toContain('pnpm factline generate');
  });

  it('refuses a JSONPaths file whose length differs from the table (Redshift.ColumnMismatch otherwise)', async () => {
    const root = await copyGenerated();
    const settings = JSON.parse(await readFile(path.join(root, projectPaths.streamSettings), 'utf8')) as { streams: { redshift: { jsonPathsKey: string } }[] };
    const file = path.join(root, projectPaths.jsonPaths, path.basename(settings.streams[0]!.redshift.jsonPathsKey));
    const jsonPaths = JSON.parse(await readFile(file, 'utf8')) as { jsonpaths: string[] };
    await writeFile(file, JSON.stringify({ jsonpaths: jsonPaths.jsonpaths.slice(1) }));
    const error = await failure(root);
    expect(error.code).toBe(InfraErrorCode.inputInconsistent);
    expect(error.issues).toEqual([expect.objectContaining({ file: `${projectPaths.jsonPaths}/${path.basename(file)}`, pointer: '/jsonpaths' })]);
  });

  it('refuses stream settings whose column list disagrees with the warehouse model', async () => {
    const root = await copyGenerated();
    const file = path.join(root, projectPaths.streamSettings);
    const settings = JSON.parse(await readFile(file, 'utf8')) as { streams: { redshift: { copyCommand: { dataTableColumns: string } } }[] };
    settings.streams[0]!.redshift.copyCommand.dataTableColumns += ',not_a_column';
    await writeFile(file, JSON.stringify(settings));
    const error = await failure(root);
    expect(error.issues[0]?.message).toContain('differ from');
  });

  it('refuses a damaged warehouse state with the generator’s own message', async () => {
    const root = await copyGenerated();
    await writeFile(path.join(root, projectPaths.warehouseState), JSON.stringify({ formatVersion: 1, tables: 'none' }));
    const error = await failure(root);
    expect(error.issues[0]).toMatchObject({ file: projectPaths.warehouseState, message: expect.stringContaining('never edited') });
  });

  it('names the missing transformer bundle and the command that builds it', async () => {
    const error = await failure(await copyGenerated(), { transformerBundleDir: path.join(tmpdir(), 'no-bundle-here') });
    expect(error.issues).toEqual([expect.objectContaining({ message: 'is missing: run `pnpm --filter @factline/transformer-lambda bundle`' })]);
  });

  it('refuses a project without Redshift migrations (nothing would create the tables)', async () => {
    const root = await copyGenerated();
    await rm(path.join(root, projectPaths.redshiftMigrations), { recursive: true });
    const error = await failure(root);
    expect(error.issues.map((i) => i.file)).toEqual([projectPaths.redshiftMigrations]);
  });
});
