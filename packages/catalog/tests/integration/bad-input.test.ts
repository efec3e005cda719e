import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, type Problem } from '@factline/catalog';
import { copyProject, type ProjectCopy } from '../support/project-copy.js';

let project: ProjectCopy;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(async () => {
  await project.dispose();
});

const problemsOf = async (rule: string): Promise<Problem[]> => (await loadCatalog(project.root)).problems.filter((p) => p.rule === rule);

describe('bad input: every broken schema gets its own clear problem, never a crash', () => {
  it('invalid JSON: names the file, line and column', async () => {
    await project.write('schemas/facts/booking/status/v1.json', '{\n  "type": "string",\n  "enum": ["a" "b"]\n}\n');
    const [problem] = await problemsOf('invalid-json');
    expect(problem).toMatchObject({ file: 'schemas/facts/booking/status/v1.json', severity: 'error', line: 3, column: 16 });
    expect(problem?.message).toMatch(/comma was expected \(line 3, column 16\)/);
  });

  it('a $ref that does not resolve: names the pointer and the missing id', async () => {
    await project.edit('schemas/events/accommodation/repriced/v1.json', '../../../common/money.json', '../../../common/monney.json');
    const [problem] = await problemsOf('ref-unresolved');
    expect(problem).toMatchObject({ file: 'schemas/events/accommodation/repriced/v1.json', pointer: '/properties/nightlyPrice/$ref' });
    expect(problem?.message).toContain('https://schemas.factline.dev/common/monney.json');
  });

  it('a mapping pointer that does not exist: lists what is declared', async () => {
    await project.edit('schemas/events/accommodation_provider/basic_info_updated/v1.json', '"/basicInfo/email"', '"/basicInfo/mail"');
    const [problem] = await problemsOf('mapping-pointer-missing');
    expect(problem).toMatchObject({ file: 'schemas/events/accommodation_provider/basic_info_updated/v1.json', pointer: '/x-factline-mapping/facts/1/value' });
    expect(problem?.message).toContain('no property "mail" at /basicInfo (declared: name, email)');
  });

  it('a mapping whose types do not fit: says which bound or type disagrees', async () => {
    await project.edit('schemas/facts/accommodation/title/v1.json', '"maxLength": 120', '"maxLength": 80');
    const problems = await problemsOf('mapping-type-mismatch');
    expect(problems.map((p) => p.file)).toEqual(['schemas/events/accommodation/details_updated/v1.json', 'schemas/events/accommodation/listed/v1.json']);
    expect(problems[0]?.message).toContain("the fact's maxLength is 80; the event's is 120");
  });

  it('a mapping of an integer to a string fact', async () => {
    await project.edit('schemas/events/accommodation/repriced/v1.json', '"fact": "accommodation.nightly_price"', '"fact": "accommodation.title"');
    const [problem] = await problemsOf('mapping-type-mismatch');
    expect(problem?.message).toMatch(/the event allows an object, the fact only string/);
  });

  it('duplicate event names: a copy under another folder claims the same $id', async () => {
    await project.copy('schemas/events/booking/cancelled/v1.json', 'schemas/events/booking/canceled/v1.json');
    const [duplicate] = await problemsOf('duplicate-id');
    expect(duplicate).toMatchObject({ file: 'schemas/events/booking/canceled/v1.json', pointer: '/$id' });
    expect(duplicate?.message).toContain('schemas/events/booking/cancelled/v1.json already defines event booking.cancelled v1');
  });

  it('duplicate fact names', async () => {
    await project.copy('schemas/facts/booking/status/v1.json', 'schemas/facts/booking/state/v1.json');
    const [duplicate] = await problemsOf('duplicate-id');
    expect(duplicate?.message).toContain('already defines fact booking.status v1');
  });

  it('a fact without an entity', async () => {
    await project.write(
      'schemas/facts/tenant/name/v1.json',
      JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://schemas.factline.dev/facts/tenant/name/v1.json', description: 'Tenant name.', type: 'string', maxLength: 20 }),
    );
    const [problem] = await problemsOf('fact-without-entity');
    expect(problem).toMatchObject({ file: 'schemas/facts/tenant/name/v1.json' });
    expect(problem?.message).toContain('add schemas/entities/tenant.json');
  });

  it('an event without an entity', async () => {
    await project.remove('schemas/entities/booking.json');
    const problems = await problemsOf('event-without-entity');
    expect(problems.map((p) => p.file)).toContain('schemas/events/booking/requested/v1.json');
  });

  it('a file in the wrong folder for its $id', async () => {
    await project.copy('schemas/facts/booking/guests/v1.json', 'schemas/facts/booking/guests/v2.json');
    const [problem] = await problemsOf('id-path-mismatch');
    expect(problem).toMatchObject({ file: 'schemas/facts/booking/guests/v2.json', pointer: '/$id', line: 3 });
    expect(problem?.message).toContain('set "$id" to "https://schemas.factline.dev/facts/booking/guests/v2.json"');
  });

  it('a file where no schema can be', async () => {
    await project.write('schemas/facts/booking/notes.json', '{}');
    const [problem] = await problemsOf('unexpected-file');
    expect(problem?.message).toContain('fits none of the places a schema can be');
  });

  it('an event without a mapping, and a mapping to an unknown fact version', async () => {
    await project.edit('schemas/events/booking/confirmed/v1.json', '"x-factline-mapping"', '"x-not-a-mapping"');
    await project.edit('schemas/events/booking/cancelled/v1.json', /"fact": "booking.cancelled_by",\s*"version": 1/, '"fact": "booking.cancelled_by", "version": 2');
    const { problems } = await loadCatalog(project.root);
    expect(problems.find((p) => p.rule === 'mapping-missing')?.file).toBe('schemas/events/booking/confirmed/v1.json');
    expect(problems.find((p) => p.rule === 'mapping-unknown-fact')?.message).toContain('has no version 2 (defined: 1)');
  });

  it('a schema that breaks the meta-schema', async () => {
    await project.edit('schemas/facts/booking/guests/v1.json', '"type": "integer"', '"type": "integr"');
    const problems = await problemsOf('meta-schema');
    expect(problems[0]).toMatchObject({ file: 'schemas/facts/booking/guests/v1.json', pointer: '/type' });
  });

  it('reports every problem at once, not the first one only', async () => {
    await project.edit('schemas/events/booking/confirmed/v1.json', '"format": "uuid"', '"format": "uuid4"');
    await project.write('schemas/facts/booking/oops/v1.json', '{');
    await project.edit('schemas/facts/booking/guests/v1.json', '"minimum": 1', '"minimum": 100');
    const rules = new Set((await loadCatalog(project.root)).problems.map((p) => p.rule));
    expect([...rules]).toEqual(expect.arrayContaining(['unknown-format', 'invalid-json', 'bounds-order']));
  });
});

describe('fact names', () => {
  it('warns when a scalar fact would be a column named like a Redshift reserved word', async () => {
    const project = await copyProject();
    try {
      await project.write(
        'schemas/facts/booking/timestamp/v1.json',
        JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://schemas.factline.dev/facts/booking/timestamp/v1.json', description: 'A time.', type: 'string', format: 'date-time' }),
      );
      const problems = (await loadCatalog(project.root)).problems.filter((p) => p.rule === 'reserved-word');
      expect(problems).toEqual([expect.objectContaining({ file: 'schemas/facts/booking/timestamp/v1.json', severity: 'warning' })]);
      expect(problems[0]?.message).toContain('becomes the column "timestamp"');
    } finally {
      await project.dispose();
    }
  });
});
