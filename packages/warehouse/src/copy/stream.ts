// A COPY request from a stream's settings, exactly as Firehose's Redshift destination would issue it for that stream.
import type { ObjectStore } from '@factline/object-store';
import { renderCopyOptions, type StreamSettings } from '@factline/stream-settings';
import type { CopyRequest } from '../types.js';

/**
 * The COPY request that loads `keys` (objects delivered by the stream) into the stream's fact table, with the
 * stream's column list and COPY options (the `${BucketName}` placeholder replaced by the store's bucket).
 *
 * @example
 * const stream = streamForEventType(settings, 'booking.created');
 * if (stream) await warehouse.copy(copyRequestForStream(stream, store, [delivery.key]));
 */
export function copyRequestForStream(stream: StreamSettings, store: ObjectStore, keys: readonly string[]): CopyRequest {
  const command = stream.redshift.copyCommand;
  return { store, table: command.dataTableName, columns: command.dataTableColumns, keys, options: renderCopyOptions(stream, store.bucket) };
}
