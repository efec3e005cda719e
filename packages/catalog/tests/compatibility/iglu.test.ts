// Iglu Central's schemas use SchemaVer (MODEL-REVISION-ADDITION): an ADDITION promises that every value valid under
// the previous version is still valid. That is BACKWARD compatibility, decided by people, over real schemas.
import { describe, expect, it } from 'vitest';
import { diff } from '@factline/catalog';
import { igluSchemas, igluSteps } from './corpora.js';

/** ADDITION steps that are not backward compatible, with the change that proves it. */
const brokenAdditions: Record<string, { type: string; pointer: string; why: string }[]> = {
  'com.snowplowanalytics.snowplow/client_session 1-0-0 → 1-0-1': [{ type: 'MAX_LENGTH_ADDED', pointer: '/properties/userId/maxLength', why: 'a userId longer than 36 characters was valid in 1-0-0' }],
  'com.snowplowanalytics.snowplow/ua_parser_config 1-0-0 → 1-0-1': [
    { type: 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', pointer: '/properties/parameters/properties/database', why: '"parameters" was open, so any "database" value was valid' },
    { type: 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', pointer: '/properties/parameters/properties/uri', why: 'the same for "uri"' },
    { type: 'ADDITIONAL_PROPERTIES_REMOVED', pointer: '/properties/parameters/additionalProperties', why: '"parameters" is closed now, so any other property is rejected' },
  ],
};

describe('Iglu Central version steps', () => {
  const steps = igluSteps();
  const additions = steps.filter((step) => step.bump === 'addition');

  it('judges every ADDITION backward compatible, except the ones that narrow, which it explains', () => {
    // Act
    const verdicts = additions.map((step) => ({ key: `${step.schema} ${step.from} → ${step.to}`, result: diff(step.old, step.new) }));
    // Assess
    const breaking = Object.fromEntries(
      verdicts.filter((v) => !v.result.backward).map((v) => [v.key, v.result.changes.filter((c) => !c.backward).map((c) => ({ type: c.type, pointer: c.pointer }))]),
    );
    const expected = Object.fromEntries(Object.entries(brokenAdditions).map(([key, changes]) => [key, changes.map(({ type, pointer }) => ({ type, pointer }))]));
    console.log(`Iglu Central: ${verdicts.length - Object.keys(breaking).length} of ${verdicts.length} ADDITION steps judged backward compatible`);
    expect(additions.length).toBeGreaterThan(30);
    expect(breaking).toEqual(expected);
  });

  it('finds no change between a schema and itself', () => {
    const noisy = igluSchemas().filter(({ schema }) => diff(schema, schema).changes.length > 0).map(({ file }) => file);
    expect(noisy).toEqual([]);
  });

  it('reports the same verdict from either side on every step', () => {
    const asymmetric = steps.filter((s) => diff(s.old, s.new).forward !== diff(s.new, s.old).backward).map((s) => `${s.schema} ${s.from} → ${s.to}`);
    expect(asymmetric).toEqual([]);
  });
});
