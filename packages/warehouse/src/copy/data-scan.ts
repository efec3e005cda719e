// Finding where each JSON value of a data file ends, and the first thing Redshift would refuse in it. Used only to
// explain a failed COPY (the load itself is done by DuckDB), so clarity matters more than speed here.

/** Redshift's limit on one JSON object or array in a COPY data file. */
export const maxJsonValueBytes = 4 * 1024 * 1024;

/** A problem found while scanning a data file. */
export interface DataScanProblem {
  /** 1-based line where the problem is (for a value that is too large, its last line). */
  line: number;
  /** 1-based number of the value in the file. */
  valueNumber: number;
  /** The start of the offending text, at most 1,024 characters. */
  rawLine: string;
  kind: 'malformed' | 'too-large';
  message: string;
}

/** The end line of every value in the file, or the first problem. */
export type DataScanResult = { ok: true; endLines: number[] } | { ok: false; problem: DataScanProblem };

/**
 * Scans a data file made of JSON values separated only by white space (Redshift's JSON data format).
 *
 * @example
 * scanJsonValues('{"a":1}\n{"a":\n2}\n'); // { ok: true, endLines: [1, 3] }
 */
export function scanJsonValues(text: string): DataScanResult {
  const endLines: number[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '\n') {
      line += 1;
      i += 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      i += 1;
      continue;
    }
    const startLine = line;
    const end = findValueEnd(text, i);
    const raw = text.slice(i, end);
    const valueNumber = endLines.length + 1;
    const linesInside = countNewlines(raw);
    const problem = (kind: DataScanProblem['kind'], message: string, at: number): DataScanResult => ({
      ok: false,
      problem: { line: at, valueNumber, rawLine: raw.slice(0, 1024), kind, message },
    });
    if (end === i) {
      const hint = char === ',' ? ' (values can be separated only by white space, not commas)' : '';
      return problem('malformed', `Invalid JSON: unexpected ${JSON.stringify(char)}${hint}`, startLine);
    }
    try {
      JSON.parse(raw);
    } catch (error) {
      return problem('malformed', `Invalid JSON: ${(error as Error).message}`, startLine + lineOfParseError(raw, error as Error));
    }
    if (Buffer.byteLength(raw, 'utf8') > maxJsonValueBytes) {
      return problem('too-large', `The JSON value is larger than Redshift's 4 MB limit for one object or array (${Buffer.byteLength(raw, 'utf8')} bytes)`, startLine + linesInside);
    }
    line += linesInside;
    endLines.push(line);
    i = end;
  }
  return { ok: true, endLines };
}

// The end of the value that starts at `start`: the matching bracket for objects and arrays (strings skipped),
// the closing quote for a string, the next white space or structural character for a scalar.
function findValueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const char = text[i];
      if (char === '"') i = skipString(text, i);
      else {
        if (char === '{' || char === '[') depth += 1;
        else if (char === '}' || char === ']') depth -= 1;
        i += 1;
        if (depth === 0) return i;
      }
    }
    return text.length;
  }
  if (first === '"') return skipString(text, start);
  let i = start;
  while (i < text.length && /[A-Za-z0-9+\-.]/.test(text[i] as string)) i += 1;
  return i;
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

// V8 reports "at position N" (or "line L column C"); turn it into a line offset inside the value.
function lineOfParseError(raw: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  if (position !== null) return countNewlines(raw.slice(0, Number(position[1])));
  const lineMatch = /line (\d+)/.exec(error.message);
  if (lineMatch !== null) return Number(lineMatch[1]) - 1;
  return countNewlines(raw);
}
