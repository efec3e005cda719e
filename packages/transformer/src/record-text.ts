// From record bytes to event lines: strict UTF-8, an optional byte-order mark, `\n` or `\r\n` line ends, blank
// lines ignored. Firehose adds no delimiter of its own; the producer ends every event with `\n`.
import { isUtf8 } from 'node:buffer';

/**
 * The record's text, or `undefined` when the bytes are not valid UTF-8 (decoding them would replace bytes with
 * U+FFFD and change the data without a word).
 *
 * @example
 * decodeUtf8(Buffer.from('{"a":1}\n')); // '{"a":1}\n'
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Calls `onLine` for every non-blank line with its position among the non-blank lines; returns how many there were.
 *
 * @example
 * forEachLine('a\n\nb\n', (line, index) => console.log(index, line)); // 0 a, 1 b → returns 2
 */
export function forEachLine(text: string, onLine: (line: string, index: number) => void): number {
  let index = 0;
  let start = 0;
  const length = text.length;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > start && !(text.charCodeAt(start) <= 32 && text.slice(start, stop).trim() === '')) {
      onLine(text.slice(start, stop), index);
      index += 1;
    }
    start = end + 1;
  }
  return index;
}
