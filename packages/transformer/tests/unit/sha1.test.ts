// The fact id's SHA-1 runs in JavaScript for short ASCII strings; it must agree with node:crypto byte for byte, on
// both sides of the one-block limit and for every character class, or fact ids would change.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Prefix } from '../../src/sha1.js';
import { seededRandom } from '../fixtures/helpers.js';

const nodeSha1Prefix = (text: string) => createHash('sha1').update(text, 'utf8').digest().subarray(0, 16).toString('hex');
const ours = (text: string) => Buffer.from(sha1Prefix(text, new Uint8Array(16))).toString('hex');

describe('sha1Prefix', () => {
  it('gives the FIPS 180-4 test vector for "abc"', () => {
    expect(ours('abc')).toBe('a9993e364706816aba3e25717850c26c');
  });

  it.each([
    ['the empty string', ''],
    ['a uuid', '019de2fb-1cc6-73e1-b525-937b92351a8e'],
    ['55 characters, the longest one block', 'x'.repeat(55)],
    ['56 characters, the first two blocks', 'x'.repeat(56)],
    ['64 characters', 'y'.repeat(64)],
    ['a long string', 'z'.repeat(1000)],
    ['DEL and NUL', '\u007f\u0000'],
    ['Latin-1', 'café'],
    ['an astral character', 'id-😀'],
    ['a lone surrogate', 'id-\ud800'],
  ])('agrees with node:crypto on %s', (_name, text) => {
    expect(ours(text)).toBe(nodeSha1Prefix(text));
  });

  it('agrees with node:crypto on 20,000 random strings of 0–80 characters', () => {
    // Prepare: mostly ASCII, some with a character above U+007F, lengths across the one-block limit.
    const next = seededRandom(3);
    const texts = Array.from({ length: 20_000 }, () => {
      const length = Math.floor(next() * 81);
      const wide = next() < 0.1;
      return Array.from({ length }, () => String.fromCharCode(wide && next() < 0.2 ? 128 + Math.floor(next() * 2000) : Math.floor(next() * 128))).join('');
    });

    // Act
    const disagreements = texts.filter((text) => ours(text) !== nodeSha1Prefix(text));

    // Assess
    expect(disagreements).toEqual([]);
  });

  it('writes into the buffer it is given and keeps nothing from the previous string', () => {
    // Prepare
    const into = new Uint8Array(16);

    // Act
    sha1Prefix('x'.repeat(55), into);
    const again = sha1Prefix('a', into);

    // Assess
    expect(again).toBe(into);
    expect(Buffer.from(into).toString('hex')).toBe(nodeSha1Prefix('a'));
  });
});
