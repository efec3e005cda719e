// A pattern proves ASCII only when every string it matches as a whole is ASCII.
import { describe, expect, it } from 'vitest';
import { isAsciiOnlyPattern } from '@factline/codegen';

const rows: { given: string; want: boolean; why: string }[] = [
  { given: '^[A-Z]{2}$', want: true, why: 'an ASCII class, anchored' },
  { given: '^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$', want: true, why: 'classes and an escaped dot' },
  { given: '^\\d{4}-\\d{2}$', want: true, why: '\\d is ASCII digits' },
  { given: '^(?:[A-Z]{3}|[0-9]{3})$', want: true, why: 'alternation inside a group keeps both anchors' },
  { given: '^[0-9]{1,6}\\.[0-9]{1,6}$', want: true, why: 'a semver-like pattern' },
  { given: '[A-Z]{2}', want: false, why: 'not anchored: other characters may surround it' },
  { given: '^[A-Z]{2}', want: false, why: 'not anchored at the end' },
  { given: '^[A-Z]+|[a-z]+$', want: false, why: 'top-level alternation anchors each side only once' },
  { given: '^.{1,10}$', want: false, why: '"." matches any character' },
  { given: '^[^,]+$', want: false, why: 'a negated class matches non-ASCII' },
  { given: '^\\S+$', want: false, why: '\\S matches non-ASCII' },
  { given: '^\\s+$', want: false, why: '\\s matches Unicode spaces' },
  { given: '^[\\u00e9]$', want: false, why: 'a \\u escape may be non-ASCII' },
  { given: '^é$', want: false, why: 'a non-ASCII literal' },
  { given: '^[A-Z]\\$', want: false, why: 'the final $ is escaped: no end anchor' },
  { given: '^\\p{L}+$', want: false, why: 'a Unicode property class' },
];

describe('isAsciiOnlyPattern', () => {
  it.each(rows)('$given → $want ($why)', ({ given, want }) => {
    expect(isAsciiOnlyPattern(given)).toBe(want);
  });
});
