// Real public schemas that no one here wrote (Snowplow's Iglu Central, draft-04 self-describing): the reader,
// $ref resolution and lint must handle every one without crashing.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintGenericSchema } from '@factline/catalog';
import { corpora } from '../compatibility/corpora.js';

const corpus = path.join(corpora, 'iglu-central/schemas');

describe('Iglu Central corpus', () => {
  it('every schema yields either a clean result or a list of findings', async () => {
    const files = (await readdir(corpus, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThanOrEqual(200);
    let clean = 0;
    const byRule = new Map<string, number>();
    for (const file of files) {
      const result = lintGenericSchema(await readFile(file, 'utf8'), path.relative(corpus, file));
      expect(result.schema, file).toBeDefined();
      for (const problem of result.problems) {
        expect(problem.rule).toMatch(/^[a-z-]+$/);
        expect(problem.message.length).toBeGreaterThan(5);
        byRule.set(problem.rule, (byRule.get(problem.rule) ?? 0) + 1);
      }
      if (result.problems.length === 0) clean++;
    }
    console.log(`iglu-central: ${files.length} schemas, ${clean} clean; findings by rule: ${JSON.stringify(Object.fromEntries([...byRule].sort()))}`);
    // The corpus is draft-04 and not written for factline's warehouse rules, so findings are expected.
    expect(byRule.get('meta-schema') ?? 0).toBe(0);
  });
});
