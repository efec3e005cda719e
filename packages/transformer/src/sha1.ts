// SHA-1 (FIPS 180-4) of one short ASCII string, in plain JavaScript. The fact id hashes every event id, and for a
// 36-character string the call into Node's native hash (a Hash object, a hex string to parse back) costs about twice
// the 80 rounds themselves. Anything longer than one block or not ASCII goes to node:crypto.
import { hash } from 'node:crypto';

/** Longest string that fits one 64-byte block with its padding: 64 − 1 (the 0x80 byte) − 8 (the bit length). */
const maxOneBlockLength = 55;
const words = new Int32Array(80);

/**
 * Writes the first 16 bytes of SHA-1(UTF-8 of `text`) into `into` and returns it.
 *
 * @example
 * sha1Prefix('abc', new Uint8Array(16)); // a9 99 3e 36 47 06 81 6a ba 3e 25 71 78 50 c2 6c
 */
export function sha1Prefix(text: string, into: Uint8Array): Uint8Array {
  if (text.length > maxOneBlockLength || !packAscii(text)) return nativeSha1Prefix(text, into);
  const w = words;
  for (let i = 16; i < 80; i++) {
    const x = (w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number);
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = 0x67452301;
  let b = 0xefcdab89 | 0;
  let c = 0x98badcfe | 0;
  let d = 0x10325476;
  let e = 0xc3d2e1f0 | 0;
  let t = 0;
  // The four rounds of twenty, each with its own function and constant (0x8f1bbcdc and 0xca62c1d6 as int32).
  for (let i = 0; i < 20; i++) {
    t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + e + (w[i] as number)) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (let i = 20; i < 40; i++) {
    t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + (w[i] as number)) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (let i = 40; i < 60; i++) {
    t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) - 0x70e44324 + e + (w[i] as number)) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (let i = 60; i < 80; i++) {
    t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + (w[i] as number)) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  // Only the first four of the five state words: 128 bits.
  writeWord(into, 0, (a + 0x67452301) | 0);
  writeWord(into, 4, (b + (0xefcdab89 | 0)) | 0);
  writeWord(into, 8, (c + (0x98badcfe | 0)) | 0);
  writeWord(into, 12, (d + 0x10325476) | 0);
  return into;
}

/** Fills the first 16 message words with `text` and its padding; false when a character is not ASCII. */
function packAscii(text: string): boolean {
  const w = words;
  const length = text.length;
  w.fill(0, 0, 16);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return false;
    w[i >> 2] = (w[i >> 2] as number) | (code << (24 - 8 * (i & 3)));
  }
  w[length >> 2] = (w[length >> 2] as number) | (0x80 << (24 - 8 * (length & 3)));
  w[15] = length * 8;
  return true;
}

function writeWord(into: Uint8Array, at: number, word: number): void {
  into[at] = word >>> 24;
  into[at + 1] = (word >>> 16) & 0xff;
  into[at + 2] = (word >>> 8) & 0xff;
  into[at + 3] = word & 0xff;
}

function nativeSha1Prefix(text: string, into: Uint8Array): Uint8Array {
  // Hex and a hand parse beat a Buffer digest here: Node's hex output is one flat string, a Buffer is an allocation.
  const hex = hash('sha1', text, 'hex');
  for (let i = 0; i < 16; i++) into[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return into;
}

function nibble(code: number): number {
  return code < 58 ? code - 48 : code - 87;
}
