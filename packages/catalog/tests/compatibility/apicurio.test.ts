// The 145 cases of Apicurio Registry's JSON Schema compatibility suite (Apache-2.0), read from the shared corpora
// folder next to the repository. "backward": BACKWARD holds and FORWARD does not; "both": both; "none": neither.
import { describe, expect, it } from 'vitest';
import { createAjv, Dialect, diff, type JsonSchema } from '@factline/catalog';
import { apicurioCases } from './corpora.js';

const cases = apicurioCases();

/**
 * Cases factline decides differently on purpose. Each carries a witness: a value the original schema accepts and
 * the updated one rejects, which proves that a reader with the updated schema cannot read everything written with
 * the original (so BACKWARD does not hold, whatever the reference says).
 */
const decidedDifferently: Record<string, { factline: string; reason: string; witness: unknown }> = {
  'Complex: oneOf 1': {
    factline: 'none',
    reason: 'oneOf accepts a value that matches exactly one alternative. "abcdefg" matches only "type: string" in the original; in the updated schema it also matches "maxLength: 10", so it is rejected. Widening one oneOf alternative is only safe when it cannot overlap another.',
    witness: 'abcdefg',
  },
  'Complex: oneOf 3': {
    factline: 'none',
    reason: 'Adding the oneOf alternative "maxLength: 5" next to "type: string" makes every short string match two alternatives, which oneOf rejects. Apicurio treats oneOf like anyOf here.',
    witness: 'abc',
  },
};

const verdict = (original: JsonSchema, updated: JsonSchema) => {
  const backward = diff(original, updated).backward;
  const forward = diff(updated, original).backward;
  return backward && forward ? 'both' : backward ? 'backward' : forward ? 'forward' : 'none';
};

describe('the Apicurio compatibility corpus', () => {
  it('agrees with every case except the ones listed with their reason', () => {
    // Act
    const results = cases.map((c) => ({ id: c.id, want: c.compatibility, got: verdict(c.original, c.updated) }));
    // Assess
    const disagreements = results.filter((r) => r.got !== r.want);
    const unexplained = disagreements.filter((r) => decidedDifferently[r.id]?.factline !== r.got);
    const agreement = results.length - disagreements.length;
    console.log(`Apicurio corpus: factline agrees on ${agreement} of ${results.length} cases (${((100 * agreement) / results.length).toFixed(1)}%); ${disagreements.length} decided differently on purpose: ${disagreements.map((d) => d.id).join(', ')}`);
    expect(results).toHaveLength(145);
    expect(unexplained).toEqual([]);
  });

  it('lists only cases that still disagree, once each', () => {
    for (const id of Object.keys(decidedDifferently)) {
      const matching = cases.filter((c) => c.id === id);
      expect(matching).toHaveLength(1);
      expect(verdict(matching[0]!.original, matching[0]!.updated)).not.toBe(matching[0]!.compatibility);
    }
  });

  it.each(Object.entries(decidedDifferently))('proves "%s" with a witness value', (id, { witness }) => {
    // Prepare
    const c = cases.find((x) => x.id === id)!;
    const ajv = createAjv(Dialect.draft07, { strict: false });
    // Act / Assess: the original accepts the witness, the updated schema rejects it.
    expect(ajv.validate(c.original as object, witness)).toBe(true);
    expect(ajv.validate(c.updated as object, witness)).toBe(false);
  });

  it('reports the same verdict from either side: diff(a, b).forward is diff(b, a).backward', () => {
    const asymmetric = cases.filter((c) => diff(c.original, c.updated).forward !== diff(c.updated, c.original).backward).map((c) => c.id);
    expect(asymmetric).toEqual([]);
  });
});
