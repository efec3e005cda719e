// The floor the transformer is measured against: for every event of every record, base64-decode, JSON.parse,
// JSON.stringify and base64-encode, nothing else. Any transformer must do at least this much.
import type { FirehoseTransformationEvent, FirehoseTransformationResponse } from '@factline/transformer';

/**
 * The least work a transformation can do on a batch.
 *
 * @example
 * const response = floor(event);
 */
export function floor(event: FirehoseTransformationEvent): FirehoseTransformationResponse {
  return {
    records: event.records.map((record) => {
      const text = Buffer.from(record.data, 'base64').toString('utf8');
      let out = '';
      for (const line of text.split('\n')) if (line !== '') out += `${JSON.stringify(JSON.parse(line))}\n`;
      return { recordId: record.recordId, result: 'Ok', data: Buffer.from(out, 'utf8').toString('base64') };
    }),
  };
}
