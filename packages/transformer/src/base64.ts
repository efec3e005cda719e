// Strict base64 (RFC 4648 §4, padded): Node's decoder skips characters it does not know and accepts the URL-safe
// alphabet, so a damaged record would decode to different bytes without a word. The decoded length proves that
// every character was used.

/**
 * A buffer reused from record to record: decoding into it and encoding from it allocates nothing per record, which
 * keeps the garbage collector out of the hot path.
 *
 * @example
 * const scratch = new ScratchBuffer();
 * scratch.ensure(1024).write('hello');
 */
export class ScratchBuffer {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /** The buffer, at least `bytes` long. */
  ensure(bytes: number): Buffer {
    if (this.buffer.length < bytes) this.buffer = Buffer.allocUnsafe(Math.max(bytes, this.buffer.length * 2));
    return this.buffer;
  }
}

/**
 * The decoded length of padded standard base64, or undefined when the text cannot be that (wrong length, URL-safe
 * characters).
 *
 * @example
 * expectedBase64Bytes('eyJhIjoxfQ=='); // 7
 */
export function expectedBase64Bytes(text: string): number | undefined {
  const length = text.length;
  if (length % 4 !== 0) return undefined;
  if (text.indexOf('-') !== -1 || text.indexOf('_') !== -1) return undefined;
  const padding = length === 0 ? 0 : text.charCodeAt(length - 1) !== 61 ? 0 : text.charCodeAt(length - 2) === 61 ? 2 : 1;
  return (length / 4) * 3 - padding;
}

/**
 * Decodes padded standard base64 into `target` from offset 0; returns the byte count, or undefined when the text is
 * not exactly that. `target` must hold `expectedBase64Bytes(text)` bytes.
 *
 * @example
 * const scratch = new ScratchBuffer();
 * const length = decodeBase64Into('eyJhIjoxfQ==', scratch); // 7
 */
export function decodeBase64Into(text: string, scratch: ScratchBuffer): { buffer: Buffer; length: number } | undefined {
  const expected = expectedBase64Bytes(text);
  if (expected === undefined) return undefined;
  const buffer = scratch.ensure(expected);
  return buffer.write(text, 0, 'base64') === expected ? { buffer, length: expected } : undefined;
}

/**
 * Decodes padded standard base64, or returns undefined when the text is not exactly that.
 *
 * @example
 * decodeBase64Strict('eyJhIjoxfQ=='); // <Buffer 7b 22 61 22 3a 31 7d>
 * decodeBase64Strict('eyJhIjoxfQ');   // undefined (unpadded)
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const expected = expectedBase64Bytes(text);
  if (expected === undefined) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === expected ? bytes : undefined;
}
