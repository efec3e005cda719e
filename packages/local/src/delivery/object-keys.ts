// S3 object keys as Firehose names them (aws-contracts §3.1): <prefix>YYYY/MM/dd/HH/<stream>-<version>-YYYY-MM-dd-HH-mm-ss-<uuid>[.gz],
// in UTC, from the approximate arrival timestamp of the oldest record in the object.
import { randomUUID } from 'node:crypto';
import type { CompressionFormat } from '@factline/stream-settings';
import { streamVersion } from '../constants.js';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The key of a new object under `prefix`. */
export function objectKey(prefix: string, deliveryStreamName: string, oldestArrival: number, compression: CompressionFormat): string {
  const time = new Date(oldestArrival);
  const [year, month, day, hour, minute, second] = [
    pad(time.getUTCFullYear(), 4),
    pad(time.getUTCMonth() + 1),
    pad(time.getUTCDate()),
    pad(time.getUTCHours()),
    pad(time.getUTCMinutes()),
    pad(time.getUTCSeconds()),
  ];
  const extension = compression === 'GZIP' ? '.gz' : '';
  return `${prefix}${year}/${month}/${day}/${hour}/${deliveryStreamName}-${streamVersion}-${year}-${month}-${day}-${hour}-${minute}-${second}-${randomUUID()}${extension}`;
}
