// `factline check --base <base>` end to end: a git repository with the sample project committed as the base, then a
// series of schema edits, each asserted through the command: verdict, message, and the changeset it requires.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepository, type FixtureRepository, type Json } from './support/fixture-repository.js';

interface Change {
  type: string;
  pointer: string;
  message: string;
  backward?: boolean;
  forward?: boolean;
  verdict: string;
  judgedBy: string;
  against: string;
  through?: string[];
  wayOut?: string;
}
interface Report {
  ok: boolean;
  evolution: {
    ok: boolean;
    schemas: { file: string; name: string; status: string; policy: string; verdict?: string; changes: Change[]; judgedIn?: string[] }[];
    counts: Record<string, number>;
    changeset: { ok: boolean; required?: string; missing: { package: string; required: string; found?: string }[]; suggestion?: { path: string; content: string }; found: { file: string; problem?: string }[] };
    notes: string[];
  };
}

let repo: FixtureRepository;
let base: string;

beforeAll(async () => {
  repo = await createFixtureRepository();
  base = repo.commit('base: the sample domain');
});
afterAll(() => repo.dispose());
beforeEach(() => repo.reset(base));

/** Runs the gate with --json and returns the exit code and the report. */
async function gate(): Promise<{ code: number; report: Report }> {
  const run = await repo.check(base, '--json');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}
const changesOf = (report: Report, file: string) => report.evolution.schemas.find((s) => s.file === file)?.changes ?? [];
const summaryOf = (changes: Change[]) => changes.map((c) => `${c.verdict} ${c.type} ${c.pointer}`);
const changeset = (name: string, front: string) => repo.write(`.changeset/${name}.md`, `---\n${front}\n---\n\nSchema change.\n`);

const basicInfo = 'schemas/events/accommodation_provider/basic_info_updated/v1.json';
const email = 'schemas/facts/accommodation_provider/email/v1.json';
const addWebsite = () =>
  repo.editJson(basicInfo, (schema) => {
    schema.properties.basicInfo.properties.website = { description: 'New website address.', type: 'string', maxLength: 32 };
  });

describe('factline check --base: nothing changed', () => {
  it('passes and says that no schema changed', async () => {
    const run = await repo.check(base);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ no schema changed since');
  });
});

describe('factline check --base: additive changes need a minor changeset', () => {
  it('adding an optional property is additive, and without a changeset the gate names the exact file to add', async () => {
    // Prepare
    await addWebsite();
    // Act
    const run = await repo.check(base);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✔ additive +OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL {2}\/properties\/basicInfo\/properties\/website {2}backward: yes {2}forward: no {2}\[event: BACKWARD_TRANSITIVE\]/);
    expect(run.stdout).toContain('✖ changeset: the schema changes need "@factline/events": minor, but no changeset added since the base releases it.');
    expect(run.stdout).toContain('Add .changeset/schemas-accommodation-provider-basic-info-updated-1.md');
    expect(run.stdout).toContain('deploy order: some event changes are not forward compatible');
  });

  it('passes once the suggested changeset is added, word for word', async () => {
    await addWebsite();
    const { report } = await gate();
    const suggestion = report.evolution.changeset.suggestion!;
    expect(suggestion.content).toBe(
      '---\n"@factline/events": minor\n---\n\nSchemas: change event accommodation_provider.basic_info_updated@1 (optional property added to unopen content model at basicInfo.website).\n',
    );
    await repo.write(suggestion.path, suggestion.content);
    const after = await gate();
    expect(after.code).toBe(0);
    expect(after.report.evolution.changeset).toMatchObject({ ok: true, required: 'minor', missing: [] });
  });

  it('refuses a changeset whose bump is too small, and ignores one for another package', async () => {
    await addWebsite();
    await changeset('website-patch', '"@factline/events": patch');
    await changeset('website-catalog', '"@factline/catalog": minor');
    const { code, report } = await gate();
    expect(code).toBe(1);
    expect(report.evolution.changeset.missing).toEqual([{ package: '@factline/events', required: 'minor', found: 'patch' }]);
  });

  it('counts a changeset with a larger bump, in any quoting changesets accepts', async () => {
    await addWebsite();
    await changeset('website', "'@factline/events': major\n@factline/catalog: patch");
    expect((await gate()).code).toBe(0);
  });

  it('reports an unreadable changeset and does not count it', async () => {
    await addWebsite();
    await repo.write('.changeset/broken.md', '"@factline/events": minor\n\nNo front matter.\n');
    const run = await repo.check(base);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('⚠ .changeset/broken.md cannot be read, so it counts for nothing: it does not start with a front matter block');
  });

  it('adding a fact and mapping it is additive: a new file and a new mapped fact', async () => {
    await addWebsite();
    await repo.write(
      'schemas/facts/accommodation_provider/website/v1.json',
      `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://schemas.factline.dev/facts/accommodation_provider/website/v1.json', title: 'Website', description: 'Website of the provider.', type: 'string', maxLength: 32 }, null, 2)}\n`,
    );
    await repo.editJson(basicInfo, (schema) => schema['x-factline-mapping'].facts.push({ fact: 'accommodation_provider.website', version: 1, value: '/basicInfo/website' }));
    await changeset('website', '"@factline/events": minor');
    const { code, report } = await gate();
    expect(code).toBe(0);
    expect(summaryOf(changesOf(report, 'schemas/facts/accommodation_provider/website/v1.json'))).toEqual(['additive SCHEMA_FILE_ADDED ']);
    expect(changesOf(report, 'schemas/facts/accommodation_provider/website/v1.json')[0]!.message).toMatch(/^new fact accommodation_provider\.website, version 1 \(values under "website"\)/);
    const mapped = changesOf(report, basicInfo).find((c) => c.type === 'MAPPING_FACT_ADDED')!;
    expect(mapped).toMatchObject({ verdict: 'additive', judgedBy: 'event mapping', pointer: '/x-factline-mapping/facts/2' });
    expect(mapped.message).toContain('maps accommodation_provider.website@1 now, from "/basicInfo/website"');
  });

  it('widening a string passes: JSON Schema and the warehouse (VARCHAR widens in place) both accept it', async () => {
    await repo.editJson(email, (schema) => (schema.maxLength = 320));
    await repo.editJson(basicInfo, (schema) => (schema.properties.basicInfo.properties.email.maxLength = 320));
    await changeset('email', '"@factline/events": minor');
    const { code, report } = await gate();
    expect(code).toBe(0);
    expect(summaryOf(changesOf(report, email))).toEqual(['additive MAX_LENGTH_INCREASED /maxLength']);
    expect(report.evolution.notes).toContain('deploy order for fact changes: warehouse migrations first, then the transformer, then producers');
  });

  it('a description-only change needs a patch', async () => {
    await repo.editJson(email, (schema) => (schema.description = 'Where the provider reads our mail.'));
    const { code, report } = await gate();
    expect(code).toBe(1);
    expect(summaryOf(changesOf(report, email))).toEqual(['description DESCRIPTION_CHANGED ']);
    expect(report.evolution.changeset.missing).toEqual([{ package: '@factline/events', required: 'patch' }]);
  });
});

describe('factline check --base: breaking changes fail, whatever the changeset', () => {
  beforeEach(() => changeset('major', '"@factline/events": major'));

  it('renaming a property breaks events already written, and so does pointing the mapping at the new name', async () => {
    await repo.editJson(basicInfo, (schema: Json) => {
      const info = schema.properties.basicInfo.properties;
      info.displayName = info.name;
      delete info.name;
      for (const fact of schema['x-factline-mapping'].facts) if (fact.value === '/basicInfo/name') fact.value = '/basicInfo/displayName';
    });
    const run = await repo.check(base);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ breaking +PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL {2}\/properties\/basicInfo\/properties\/name {2}backward: no {2}forward: yes/);
    expect(run.stdout).toContain('way out: Keep the property in the schema (stop sending it and mark it "deprecated": true), or publish the change as a new version (v<N+1>)');
    expect(run.stdout).toMatch(/✖ breaking +MAPPING_VALUE_CHANGED {2}\/x-factline-mapping\/facts\/0\/value/);
    expect(run.stdout).toContain('accommodation_provider.name@1 was derived from "/basicInfo/name" and would now be derived from "/basicInfo/displayName"');
    expect(run.stdout).toContain('✖ a breaking change cannot land');
    expect(run.stdout).toContain('✖ changeset: breaking changes would need "@factline/events": major, but no changeset makes them land');
  });

  it('changing a fact from integer to number is refused by the warehouse, though JSON Schema calls it compatible', async () => {
    await repo.editJson('schemas/facts/booking/guests/v1.json', (schema) => (schema.type = 'number'));
    const { code, report } = await gate();
    expect(code).toBe(1);
    const changes = changesOf(report, 'schemas/facts/booking/guests/v1.json');
    expect(summaryOf(changes)).toEqual(['additive TYPE_EXTENDED ', 'breaking WAREHOUSE_REFUSED ']);
    expect(changes[1]!.message).toContain('would change type from SMALLINT to DOUBLE PRECISION');
    expect(changes[1]!.wayOut).toContain('publish it as a new fact version (schemas/facts/booking/guests/v2.json, stored in new columns under "guests_v2")');
  });

  it('narrowing a string breaks the event, the fact and its column', async () => {
    await repo.editJson(email, (schema) => (schema.maxLength = 100));
    await repo.editJson(basicInfo, (schema) => (schema.properties.basicInfo.properties.email.maxLength = 100));
    await repo.editJson('schemas/common/basic_info.json', (schema) => (schema.properties.email.maxLength = 100));
    const { report } = await gate();
    expect(summaryOf(changesOf(report, basicInfo))).toEqual(['breaking MAX_LENGTH_DECREASED /properties/basicInfo/properties/email/maxLength']);
    expect(changesOf(report, 'schemas/events/accommodation_provider/signed_up/v1.json')).toEqual([
      expect.objectContaining({ type: 'MAX_LENGTH_DECREASED', pointer: '/properties/basicInfo/properties/email/maxLength', through: ['schemas/common/basic_info.json'] }),
    ]);
    expect(summaryOf(changesOf(report, email))).toEqual(['breaking MAX_LENGTH_DECREASED /maxLength', 'breaking WAREHOUSE_REFUSED ']);
    expect(changesOf(report, email)[1]!.message).toContain('would narrow from VARCHAR(254) to VARCHAR(100)');
  });

  it('still judges the schemas when they have errors, and says that the warehouse was not compared', async () => {
    await repo.editJson(email, (schema) => (schema.maxLength = 100));
    const { code, report } = await gate();
    expect(code).toBe(1);
    expect(summaryOf(changesOf(report, email))).toEqual(['breaking MAX_LENGTH_DECREASED /maxLength']);
    expect(report.evolution.notes).toContain('the warehouse was not compared: the schemas have errors (listed above)');
  });

  it('changing a type breaks both ways', async () => {
    await repo.editJson('schemas/events/booking/cancelled/v1.json', (schema) => (schema.properties.cancelledBy = { description: 'Who cancelled.', type: 'object', additionalProperties: false, properties: { party: { type: 'string', maxLength: 20 } } }));
    const { report } = await gate();
    const change = changesOf(report, 'schemas/events/booking/cancelled/v1.json').find((c) => c.type === 'TYPE_CHANGED')!;
    expect(change).toMatchObject({ pointer: '/properties/cancelledBy', backward: false, forward: false, verdict: 'breaking' });
  });

  it('removing an event breaks the replay of its raw events', async () => {
    await repo.remove('schemas/events/accommodation/delisted/v1.json');
    const run = await repo.check(base);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('schemas/events/accommodation/delisted/v1.json  accommodation.delisted@1  removed  [event: BACKWARD_TRANSITIVE]');
    expect(run.stdout).toContain('version 1 of event accommodation.delisted removed: data written with it still exists');
    expect(run.stdout).toContain('way out: Keep the file: stop producing it, mark it "deprecated": true');
  });

  it('dropping a fact from a mapping breaks what a replay derives', async () => {
    await repo.editJson('schemas/events/booking/cancelled/v1.json', (schema) => schema['x-factline-mapping'].facts.pop());
    const { report } = await gate();
    expect(summaryOf(changesOf(report, 'schemas/events/booking/cancelled/v1.json'))).toEqual(['breaking MAPPING_FACT_REMOVED /x-factline-mapping/facts']);
  });

  it('reading the entity id from elsewhere breaks: a replay would give recorded facts to other entities', async () => {
    await repo.editJson('schemas/events/booking/cancelled/v1.json', (schema) => {
      schema.properties.booking = { description: 'The booking.', type: 'string', format: 'uuid' };
      schema['x-factline-mapping'].entityId = '/booking';
    });
    const { report } = await gate();
    expect(summaryOf(changesOf(report, 'schemas/events/booking/cancelled/v1.json'))).toEqual(['breaking MAPPING_ENTITY_ID_CHANGED /x-factline-mapping/entityId', 'additive OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/booking']);
  });

  it('reordering mapped facts is additive, with a word on the fact ids of re-derived facts', async () => {
    await repo.editJson('schemas/events/booking/cancelled/v1.json', (schema) => schema['x-factline-mapping'].facts.reverse());
    const { report } = await gate();
    const [reordered] = changesOf(report, 'schemas/events/booking/cancelled/v1.json');
    expect(reordered).toMatchObject({ type: 'MAPPING_FACTS_REORDERED', verdict: 'additive' });
    expect(reordered!.message).toContain("a fact id depends on the fact's position in the event's output");
  });

  it('judges a shared definition in every schema that uses it, at the place of use', async () => {
    await repo.editJson('schemas/common/money.json', (schema) => (schema.properties.amountMinor.maximum = 1000));
    const { report } = await gate();
    const money = report.evolution.schemas.find((s) => s.file === 'schemas/common/money.json')!;
    expect(money.judgedIn).toContain('schemas/events/booking/requested/v1.json');
    expect(changesOf(report, 'schemas/events/booking/requested/v1.json')).toEqual([
      expect.objectContaining({ type: 'MAXIMUM_DECREASED', pointer: '/properties/totalPrice/properties/amountMinor/maximum', verdict: 'breaking', through: ['schemas/common/money.json'] }),
    ]);
  });

  it('the envelope must stay readable both ways: even an optional property is refused', async () => {
    await repo.editJson('schemas/envelope/v1.json', (schema) => (schema.properties.trace_id = { description: 'Trace id.', type: 'string', maxLength: 64 }));
    const { report } = await gate();
    expect(changesOf(report, 'schemas/envelope/v1.json')).toEqual([
      expect.objectContaining({ type: 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', verdict: 'breaking', judgedBy: 'envelope: FULL_TRANSITIVE', wayOut: expect.stringContaining('keep the envelope as it is') }),
    ]);
  });
});
