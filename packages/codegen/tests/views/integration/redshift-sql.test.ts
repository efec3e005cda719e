// The Redshift views and queries, read by PostgreSQL's own parser (after removing the late-binding clause): they
// parse, create the view their header names, and read only schema-qualified relations (late binding requires it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '@factline/catalog';
import { generateFromCatalog, viewsGenerator, type GeneratedFile } from '@factline/codegen';
import { parseRedshift, relationsOf } from '../support/pg-parse.js';
import { generatedProject, repositoryRoot, type GeneratedProject } from '../support/project.js';

const cteNames = ['latest', 'facts', 'intervals', 'ranked', 'entities'];

async function redshiftFiles(root: string): Promise<GeneratedFile[]> {
  const { catalog } = await loadCatalog(root);
  return (await generateFromCatalog(catalog, { generators: [viewsGenerator] })).files.filter((f) => f.path.includes('/redshift/'));
}

describe('the Redshift view SQL', () => {
  let members: GeneratedProject;
  beforeAll(async () => {
    members = await generatedProject('members-project');
  });
  afterAll(async () => members?.dispose());

  it.each(['repository', 'members-project'])('parses, and every view reads only schema-qualified relations (%s)', async (which) => {
    // Prepare
    const files = await redshiftFiles(which === 'repository' ? repositoryRoot : members.root);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      // Act
      const statements = await parseRedshift(file.content);
      // Assess
      expect(statements.map((s) => s.kind), file.path).toEqual([file.path.includes('/queries/') ? 'SelectStmt' : 'ViewStmt']);
      const relations = [...relationsOf(statements[0]!.node)].filter((r) => !cteNames.includes(r));
      expect(relations.length, file.path).toBeGreaterThan(0);
      for (const relation of relations) expect(relation, file.path).toMatch(/^\w+\.\w+$/);
    }
  });

  it('creates the view its factline:view directive names', async () => {
    for (const file of await redshiftFiles(members.root)) {
      if (file.path.includes('/queries/')) continue;
      const directive = /-- factline:view (\S+) view/.exec(file.content)?.[1];
      const [statement] = await parseRedshift(file.content);
      const view = statement!.node['view'] as { schemaname: string; relname: string };
      expect(`${view.schemaname}.${view.relname}`, file.path).toBe(directive);
    }
  });

  it('quotes a reserved word and reads SUPER through its JSON text', async () => {
    const current = (await redshiftFiles(members.root)).find((f) => f.path.endsWith('redshift/member_current.sql'))!.content;
    expect(current).toContain('MAX(CASE WHEN recency = 1 THEN "order" END) AS "order"');
    expect(current).toContain('JSON_PARSE(MAX(JSON_SERIALIZE(CASE WHEN recency = 1 THEN tags END))) AS tags');
    expect(current).toContain('BOOL_OR(CASE WHEN recency = 1 THEN verified END) AS verified');
  });
});

describe('the generated view files of a fixture project', () => {
  let members: GeneratedProject;
  beforeAll(async () => {
    members = await generatedProject('members-project');
  });
  afterAll(async () => members?.dispose());

  it.each([
    'duckdb/member_current.sql',
    'duckdb/member_history.sql',
    'duckdb/member_as_of.sql',
    'duckdb/queries/member_as_of.sql',
    'redshift/member_current.sql',
    'redshift/member_history.sql',
    'redshift/queries/member_as_of.sql',
    'README.md',
  ])('match the golden file %s', async (file) => {
    await expect(await members.read(`generated/views/${file}`)).toMatchFileSnapshot(`../golden/members-project/${file}`);
  });
});
