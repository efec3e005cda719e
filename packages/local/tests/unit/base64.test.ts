import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/base64.js';

describe('strict base64', () => {
  it('decodes standard padded base64', () => {
    expect(decodeBase64('')?.toString()).toBe('');
    expect(decodeBase64('YQ==')?.toString()).toBe('a');
    expect(decodeBase64('YWI=')?.toString()).toBe('ab');
    expect(decodeBase64('YWJj')?.toString()).toBe('abc');
    expect(decodeBase64('+/+/')).toEqual(Buffer.from([0xfb, 0xff, 0xbf]));
  });

  it('accepts padded text whose last character carries stray bits, as Buffer.from decodes it', () => {
    expect(decodeBase64('YR==')?.toString()).toBe('a');
    expect(decodeBase64('YWJk')?.toString()).toBe('abd');
  });

  it('refuses what Buffer.from would silently repair', () => {
    for (const text of ['YQ', 'YWJ', 'Y', 'YQ=', 'YQ===', 'YW Jj', 'YW\nJj', '-_-_', 'YQ==YQ==', '====']) expect(decodeBase64(text), text).toBeUndefined();
  });

  it('handles the 4 MiB a PutRecordBatch call may carry', () => {
    const bytes = Buffer.alloc(4 * 1024 * 1024, 7);
    expect(decodeBase64(bytes.toString('base64'))?.equals(bytes)).toBe(true);
  });
});
