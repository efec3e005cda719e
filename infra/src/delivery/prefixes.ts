// The S3 key prefixes a stream writes and reads, from its settings: what its role is allowed on, nothing more.
import type { StreamSettings } from '@factline/stream-settings';

/**
 * The fixed part of a Firehose prefix: everything before the first `!{…}` expression.
 *
 * @example
 * staticPrefix('raw-errors/booking/!{firehose:error-output-type}/'); // 'raw-errors/booking/'
 */
export function staticPrefix(prefix: string): string {
  const expression = prefix.indexOf('!{');
  return expression === -1 ? prefix : prefix.slice(0, expression);
}

/**
 * The prefixes a delivery stream writes: its facts (with Firehose's processing-failed, manifests and errors folders
 * under it), its raw source backup, and the backup's error output.
 *
 * @example
 * writePrefixes(stream); // ['facts/booking/', 'raw/booking/', 'raw-errors/booking/']
 */
export function writePrefixes(stream: StreamSettings): string[] {
  return [...new Set([stream.s3.prefix, stream.sourceBackup.prefix, staticPrefix(stream.sourceBackup.errorOutputPrefix)])];
}
