// Strict base64: the standard alphabet with padding, as the AWS JSON protocol and the Lambda answer carry blobs.
// Buffer.from(text, 'base64') silently skips bad characters, which would hide a broken client or handler. A plain
// loop, not a regular expression: the input can be several megabytes.

const alphabet = new Uint8Array(128);
for (const character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') alphabet[character.charCodeAt(0)] = 1;
const padding = '='.charCodeAt(0);

function isBase64(text: string): boolean {
  const length = text.length;
  if (length % 4 !== 0) return false;
  let end = length;
  if (length > 0 && text.charCodeAt(length - 1) === padding) end -= text.charCodeAt(length - 2) === padding ? 2 : 1;
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128 || alphabet[code] !== 1) return false;
  }
  return true;
}

/** The decoded bytes, or undefined when `text` is not valid base64. */
export function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  // Text that encodes back to itself is valid, and checking that in native code is several times faster than the
  // loop; only other text (invalid, or valid with stray bits in the last character) needs the loop.
  return bytes.toString('base64') === text || isBase64(text) ? bytes : undefined;
}

/** The length of the base64 encoding of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
