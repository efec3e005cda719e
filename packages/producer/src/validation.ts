// The checks `send` makes before an event enters the buffer: what Firehose or the NDJSON framing would not survive.
import { maxEventBytes } from './constants.js';
import { ProducerError, producerErrorCodes } from './errors.js';
import type { EventData } from './types.js';

const newline = 0x0a;

/** The event's size in UTF-8 bytes, or the error `send` rejects with. */
export function checkEvent(streamName: string, data: EventData): number | ProducerError {
  let byteLength: number;
  let hasNewline: boolean;
  if (typeof data === 'string') {
    byteLength = Buffer.byteLength(data, 'utf8');
    hasNewline = data.includes('\n');
  } else if (data instanceof Uint8Array) {
    byteLength = data.length;
    hasNewline = data.includes(newline);
  } else {
    return invalid(streamName, `must be a string or a Uint8Array, not ${data === null ? 'null' : typeof data}`);
  }
  if (byteLength === 0) return invalid(streamName, 'is empty');
  // Packed records are split on newlines, so one inside an event would cut it in two.
  if (hasNewline) return invalid(streamName, 'contains a newline: an event must be one line of JSON (JSON.stringify without indentation)');
  if (byteLength > maxEventBytes) {
    return new ProducerError(
      producerErrorCodes.eventTooLarge,
      `The event for stream "${streamName}" is ${byteLength} bytes; Firehose takes at most ${maxEventBytes} bytes of event per record (1,000 KiB, less the newline that ends it).`,
      { streamName },
    );
  }
  return byteLength;
}

function invalid(streamName: string, problem: string): ProducerError {
  return new ProducerError(producerErrorCodes.invalidEventData, `The event for stream "${streamName}" ${problem}.`, { streamName });
}
