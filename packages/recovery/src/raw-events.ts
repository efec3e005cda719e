// Splitting the raw source backup into events. Firehose concatenates records without a delimiter; factline's
// producer ends every record (and so every event) with `\n`, but another sender may not, or may pretty-print: the
// text is read as a sequence of top-level JSON values, and anything between them is kept as a bad "event" so that
// the transformer reports it instead of it being skipped silently.

/** One event of a raw object: its exact text and where it starts. */
export interface RawEvent {
  /** Position among the object's events, from 0. */
  index: number;
  text: string;
  /** Line of its first character, from 1. */
  line: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** Where the JSON value starting at `start` (`{` or `[`) ends, or the text's end when it never closes. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * The events of a raw backup object, in order.
 *
 * @example
 * splitRawEvents('{"event_id":"a"}\n{"event_id":"b"}{"event_id":"c"}\n').map((e) => e.text); // three events
 */
export function splitRawEvents(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  let line = 1;
  let i = 0;
  const advanceLines = (from: number, to: number) => {
    for (let j = from; j < to; j++) if (text[j] === '\n') line += 1;
  };
  while (i < text.length) {
    if (isSpace(text[i])) {
      if (text[i] === '\n') line += 1;
      i += 1;
      continue;
    }
    const start = i;
    let end: number;
    if (text[i] === '{' || text[i] === '[') end = valueEnd(text, i);
    else {
      // Not a JSON object: everything up to the end of the line (or the next object) is one bad event.
      end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '{') end += 1;
    }
    events.push({ index: events.length, text: text.slice(start, end).trimEnd(), line });
    advanceLines(start, end);
    i = end;
  }
  return events;
}
