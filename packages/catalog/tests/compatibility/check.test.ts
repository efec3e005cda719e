import { describe, expect, it } from 'vitest';
import { check, CompatibilityMode, type JsonSchema } from '@factline/catalog';

const name = (maxLength: number): JsonSchema => ({ type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength } } });

describe('check', () => {
  it('accepts a widening under BACKWARD and names what FORWARD would break', () => {
    // Act
    const backward = check(name(100), name(200), CompatibilityMode.BACKWARD);
    const forward = check(name(100), name(200), CompatibilityMode.FORWARD);
    // Assess
    expect(backward).toMatchObject({ ok: true, mode: 'BACKWARD', issues: [] });
    expect(forward.ok).toBe(false);
    expect(forward.issues).toEqual([
      expect.objectContaining({ type: 'MAX_LENGTH_INCREASED', pointer: '/properties/name/maxLength', direction: 'forward', against: 'the previous version' }),
    ]);
    expect(forward.issues[0]!.message).toMatch(/increased from 100 to 200.*Not forward compatible.*deploy every reader/);
  });

  it('reports a narrowing under BACKWARD with advice on what to do instead', () => {
    const result = check(name(200), name(100), CompatibilityMode.BACKWARD);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.type, i.direction])).toEqual([['MAX_LENGTH_DECREASED', 'backward']]);
    expect(result.issues[0]!.message).toMatch(/Keep the old limit, or publish the change as a new version/);
  });

  it('reports both directions under FULL', () => {
    const renamed: JsonSchema = { type: 'object', additionalProperties: false, properties: { fullName: { type: 'string', maxLength: 200 } } };
    const result = check(name(200), renamed, CompatibilityMode.FULL);
    expect(result.issues.map((i) => `${i.type} ${i.direction}`).sort()).toEqual(['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL forward', 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL backward']);
  });

  it('compares with the latest version only, unless the mode is transitive', () => {
    // Prepare: v1 allowed null; v2 dropped it (a breaking step taken earlier); v3 only edits a description.
    const v1: JsonSchema = { type: ['string', 'null'] };
    const v2: JsonSchema = { type: 'string' };
    const v3: JsonSchema = { type: 'string', description: 'The display name.' };
    // Act
    const latest = check([v1, v2], v3, CompatibilityMode.BACKWARD);
    const all = check([v1, v2], v3, CompatibilityMode.BACKWARD_TRANSITIVE, { labels: ['v1', 'v2'] });
    // Assess
    expect(latest.ok).toBe(true);
    expect(latest.comparisons.map((c) => c.against)).toEqual(['v2']);
    expect(all.ok).toBe(false);
    expect(all.comparisons.map((c) => c.against)).toEqual(['v2', 'v1']);
    expect(all.issues.map((i) => [i.type, i.against])).toEqual([['TYPE_NARROWED', 'v1']]);
  });

  it('checks FORWARD_TRANSITIVE and FULL_TRANSITIVE against every earlier version', () => {
    const v1: JsonSchema = { type: 'integer' };
    const v2: JsonSchema = { type: 'number' };
    const next: JsonSchema = { type: 'number', maximum: 10 };
    expect(check([v1, v2], next, 'FORWARD').ok).toBe(true);
    expect(check([v1, v2], next, 'FORWARD_TRANSITIVE').issues.map((i) => `${i.type} ${i.against}`)).toEqual(['TYPE_EXTENDED v1']);
    const full = check([v1, v2], next, 'FULL_TRANSITIVE');
    expect(full.issues.map((i) => `${i.type} ${i.direction} ${i.against}`).sort()).toEqual(['MAXIMUM_ADDED backward v1', 'MAXIMUM_ADDED backward v2', 'TYPE_EXTENDED forward v1']);
  });

  it('accepts anything under NONE and with no earlier version', () => {
    expect(check(name(200), { type: 'array' }, CompatibilityMode.NONE)).toEqual({ ok: true, mode: 'NONE', issues: [], comparisons: [] });
    expect(check([], name(1), CompatibilityMode.FULL_TRANSITIVE)).toEqual({ ok: true, mode: 'FULL_TRANSITIVE', issues: [], comparisons: [] });
  });

  it('resolves each earlier version against its own documents', () => {
    // Prepare: the shared money document tightened between v1 and v2; the new event references the v2 state.
    const event: JsonSchema = { $id: 'https://x.test/event.json', $ref: 'money.json' };
    const money = (maximum: number) => ({ $id: 'https://x.test/money.json', type: 'integer', maximum });
    const documents = [money(1000), money(100)];
    // Act
    const result = check([event, event], event, CompatibilityMode.BACKWARD_TRANSITIVE, {
      lookupPrevious: documents.map((doc) => (id: string) => (id === doc.$id ? doc : undefined)),
      lookupNew: (id) => (id === 'https://x.test/money.json' ? money(100) : undefined),
      labels: ['v1', 'v2'],
    });
    // Assess: only v1 (maximum 1000) is broken by the new maximum of 100.
    expect(result.issues.map((i) => [i.type, i.pointer, i.against])).toEqual([['MAXIMUM_DECREASED', '/maximum', 'v1']]);
  });
});
