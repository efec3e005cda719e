import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodegenError, generateAll } from '@factline/codegen';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('generateAll', () => {
  it('refuses to generate from schemas that factline check rejects, and carries the problems', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'factline-codegen-'));
    try {
      await cp(path.join(root, 'schemas'), path.join(copy, 'schemas'), { recursive: true });
      await writeFile(path.join(copy, 'schemas/facts/booking/status/v1.json'), '{ broken');
      const error = await generateAll(copy).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(CodegenError);
      expect((error as CodegenError).code).toBe('CATALOG_HAS_ERRORS');
      expect((error as CodegenError).problems.map((p) => p.rule)).toContain('invalid-json');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
