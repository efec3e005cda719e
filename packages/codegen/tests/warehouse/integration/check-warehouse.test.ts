// checkWarehouse: the warehouse problems `factline check` reports, and generation refusing on them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '@factline/catalog';
import { checkWarehouse, CodegenError, CodegenErrorCode } from '@factline/codegen';
import { tempProject, type TempProject } from '../support/project.js';
import { entityFile, factFile } from '../support/schemas.js';

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
});
afterEach(async () => {
  await project.dispose();
});

async function catalogOf(p: TempProject): Promise<Catalog> {
  const { catalog, problems } = await loadCatalog(p.root);
  expect(problems.filter((x) => x.severity === 'error')).toEqual([]);
  return catalog;
}

describe('checkWarehouse', () => {
  it('finds nothing wrong with the sample schemas', async () => {
    expect(checkWarehouse(await catalogOf(project))).toEqual([]);
  });

  it('reports a fact whose column is a shared column', async () => {
    // Prepare
    await project.write(...factFile('booking', 'entity_id', 1, { type: 'string', maxLength: 10 }));
    // Act
    const problems = checkWarehouse(await catalogOf(project));
    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'schemas/facts/booking/entity_id/v1.json', rule: 'warehouse-column-collision', severity: 'error' });
    expect(problems[0]!.message).toContain('the shared column entity_id');
  });

  it('reports a fact colliding with a flattened property of another fact, naming both', async () => {
    await project.write(...factFile('accommodation', 'nightly_price_amount_minor', 1, { type: 'integer', minimum: 0, maximum: 10 }));
    const problems = checkWarehouse(await catalogOf(project));
    expect(problems.map((p) => p.rule)).toEqual(['warehouse-column-collision']);
    expect(problems[0]!.message).toMatch(/"nightly_price_amount_minor" of accommodation_facts would hold both accommodation\.nightly_price v1 at "\/properties\/amountMinor" and accommodation\.nightly_price_amount_minor v1/);
  });

  it('reports a collision between nesting levels that no sibling check sees', async () => {
    // Prepare: `priceTotal` and `price.total` are both misc_price_total.
    await project.write(
      ...factFile('booking', 'misc', 1, {
        type: 'object',
        additionalProperties: false,
        properties: {
          priceTotal: { description: 'Flat.', type: 'integer', minimum: 0, maximum: 9 },
          price: { description: 'Nested.', type: 'object', additionalProperties: false, properties: { total: { description: 'Total.', type: 'integer', minimum: 0, maximum: 9 } } },
        },
      }),
    );
    // Act
    const problems = checkWarehouse(await catalogOf(project));
    // Assess
    expect(problems).toEqual([expect.objectContaining({ file: 'schemas/facts/booking/misc/v1.json', pointer: '/properties/price/properties/total', rule: 'warehouse-column-collision' })]);
  });

  it('reports an entity id that cannot be the distribution key', async () => {
    await project.write(...entityFile('parcel', { type: 'object', properties: { a: { type: 'string', maxLength: 2 } } }));
    const problems = checkWarehouse(await catalogOf(project));
    expect(problems.map((p) => [p.file, p.rule])).toEqual([['schemas/entities/parcel.json', 'warehouse-entity-id']]);
  });

  it('reports a delivery stream name Firehose would refuse', async () => {
    const entity = `e${'x'.repeat(60)}`;
    await project.write(...entityFile(entity));
    const problems = checkWarehouse(await catalogOf(project));
    expect(problems.map((p) => p.rule)).toEqual(['warehouse-stream-name']);
    expect(problems[0]!.message).toContain(`factline-${entity}`);
  });

  it('reports a column name longer than 127 bytes', async () => {
    const long = 'a'.repeat(130);
    await project.write(...factFile('booking', 'note', 1, { type: 'object', additionalProperties: false, properties: { [long]: { description: 'Long.', type: 'boolean' } } }));
    const problems = checkWarehouse(await catalogOf(project));
    expect(problems.map((p) => [p.rule, p.pointer])).toEqual([['warehouse-identifier-length', `/properties/${long}`]]);
  });

  it('reports a state file that is not one', async () => {
    const problems = checkWarehouse(await catalogOf(project), { previousState: '{"formatVersion": 2}' });
    expect(problems).toEqual([expect.objectContaining({ file: 'generated/warehouse-state.json', rule: 'warehouse-state' })]);
  });

  it('makes generation refuse with the same problems', async () => {
    // Prepare
    await project.write(...factFile('booking', 'entity_id', 1, { type: 'string', maxLength: 10 }));
    // Act
    const error = await project.generate().catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).code).toBe(CodegenErrorCode.warehouseRefused);
    expect((error as CodegenError).problems.map((p) => p.rule)).toEqual(['warehouse-column-collision']);
    expect(await project.list('generated')).toEqual([]);
  });
});
