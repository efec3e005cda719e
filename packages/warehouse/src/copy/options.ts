// The COPY options text of Firehose's CopyCommand (`JSON 's3://…' TIMEFORMAT 'auto' GZIP`), parsed into what the
// DuckDB engine needs. Options that change nothing locally (STATUPDATE, COMPUPDATE, REGION) are accepted; options
// the engine cannot honour are refused by name rather than ignored.
import { tokenizeCopyText, type CopyToken } from './tokens.js';

/**
 * Where the column values come from: a JSONPaths file, or top-level keys matched to column names ('auto').
 *
 * @example
 * const format: CopyFormat = { kind: 'jsonpaths', url: 's3://b/jsonpaths/t.json', bucket: 'b', key: 'jsonpaths/t.json' };
 */
export type CopyFormat = { kind: 'jsonpaths'; url: string; bucket: string; key: string } | { kind: 'auto' };

/**
 * The COPY options the DuckDB engine honours, with Redshift's defaults.
 *
 * @example
 * const parsed = parseCopyOptions("JSON 's3://bucket/jsonpaths/t.json' TIMEFORMAT 'auto' GZIP");
 * if (parsed.ok) console.log(parsed.options.gzip); // true
 */
export interface CopyOptions {
  format: CopyFormat;
  /** `GZIP`: every object is gzip-compressed. */
  gzip: boolean;
  /** `TIMEFORMAT`: 'auto' (ISO 8601 and friends), epoch seconds/milliseconds, or Redshift's default `YYYY-MM-DD HH:MI:SS`. */
  timeFormat: 'auto' | 'epochsecs' | 'epochmillisecs' | 'default';
  /** `DATEFORMAT`: 'auto' or Redshift's default `YYYY-MM-DD`. */
  dateFormat: 'auto' | 'default';
  /** `TRUNCATECOLUMNS`: cut over-long strings to the column's byte length instead of failing. */
  truncateColumns: boolean;
  /** `EMPTYASNULL`: load empty strings into CHAR/VARCHAR columns as NULL. */
  emptyAsNull: boolean;
  /** `BLANKSASNULL`: load strings of only blanks into CHAR/VARCHAR columns as NULL. */
  blanksAsNull: boolean;
  /** `ROUNDEC`: round decimals to the column's scale; by default COPY truncates them. */
  roundDecimals: boolean;
  /** `MAXERROR`: how many bad records to skip before the COPY fails (default 0). */
  maxError: number;
}

/**
 * Parsing COPY options: the options, or why they cannot be used.
 *
 * @example
 * const result: CopyOptionsParseResult = parseCopyOptions("JSON 'auto' ACCEPTINVCHARS"); // { ok: false, issues: [...] }
 */
export type CopyOptionsParseResult = { ok: true; options: CopyOptions } | { ok: false; issues: string[] };

const notWithJson = new Set(['CSV', 'DELIMITER', 'ESCAPE', 'FILLRECORD', 'FIXEDWIDTH', 'IGNOREBLANKLINES', 'NULL', 'READRATIO', 'REMOVEQUOTES']);
const noEffectLocally = new Set(['STATUPDATE', 'COMPUPDATE']);
const maxErrorLimit = 100_000;

/**
 * Parses the COPY options text. Keywords are case-insensitive; TIMEFORMAT/DATEFORMAT values are case-sensitive, as
 * in Redshift.
 *
 * @example
 * const parsed = parseCopyOptions("FORMAT AS JSON 's3://b/jsonpaths/t.json' TIMEFORMAT 'auto'");
 * if (!parsed.ok) throw new Error(parsed.issues.join('; '));
 */
export function parseCopyOptions(text: string): CopyOptionsParseResult {
  const tokenized = tokenizeCopyText(text);
  if (!tokenized.ok) return { ok: false, issues: [tokenized.message] };
  const tokens = tokenized.tokens;
  const issues: string[] = [];
  const options: CopyOptions = { format: { kind: 'auto' }, gzip: false, timeFormat: 'default', dateFormat: 'default', truncateColumns: false, emptyAsNull: false, blanksAsNull: false, roundDecimals: false, maxError: 0 };
  let sawFormat = false;
  let i = 0;
  const peekWord = (): string | undefined => (tokens[i]?.kind === 'word' ? tokens[i]?.text.toUpperCase() : undefined);
  const skipAs = (): void => {
    if (peekWord() === 'AS') i += 1;
  };
  const takeString = (option: string): string | undefined => {
    skipAs();
    const token: CopyToken | undefined = tokens[i];
    if (token?.kind !== 'string') {
      issues.push(`${option} expects a quoted value`);
      return undefined;
    }
    i += 1;
    return token.text;
  };
  while (i < tokens.length) {
    const token = tokens[i] as CopyToken;
    i += 1;
    if (token.kind !== 'word') {
      issues.push(`unexpected ${token.kind} ${JSON.stringify(token.text)}`);
      continue;
    }
    const word = token.text.toUpperCase();
    if (word === 'FORMAT') {
      skipAs();
      if (peekWord() !== 'JSON') issues.push('FORMAT: only JSON is supported (with a JSONPaths file or \'auto\')');
      continue;
    }
    if (word === 'JSON') {
      sawFormat = true;
      const argument = tokens[i]?.kind === 'string' || peekWord() === 'AS' ? takeString('JSON') : 'auto';
      if (argument === undefined) continue;
      const format = parseJsonArgument(argument);
      if (typeof format === 'string') issues.push(format);
      else options.format = format;
    } else if (word === 'TIMEFORMAT') {
      const value = takeString('TIMEFORMAT');
      if (value === 'auto' || value === 'epochsecs' || value === 'epochmillisecs') options.timeFormat = value;
      else if (value === 'YYYY-MM-DD HH:MI:SS') options.timeFormat = 'default';
      else if (value !== undefined) issues.push(`TIMEFORMAT '${value}' is not supported by the DuckDB engine; use 'auto', 'epochsecs' or 'epochmillisecs' (keywords are case-sensitive)`);
    } else if (word === 'DATEFORMAT') {
      const value = takeString('DATEFORMAT');
      if (value === 'auto') options.dateFormat = 'auto';
      else if (value === 'YYYY-MM-DD') options.dateFormat = 'default';
      else if (value !== undefined) issues.push(`DATEFORMAT '${value}' is not supported by the DuckDB engine; use 'auto' or 'YYYY-MM-DD'`);
    } else if (word === 'GZIP') options.gzip = true;
    else if (word === 'TRUNCATECOLUMNS') options.truncateColumns = true;
    else if (word === 'EMPTYASNULL') options.emptyAsNull = true;
    else if (word === 'BLANKSASNULL') options.blanksAsNull = true;
    else if (word === 'ROUNDEC') options.roundDecimals = true;
    else if (word === 'MAXERROR') {
      skipAs();
      const value = tokens[i];
      if (value?.kind !== 'number' || !/^\d+$/.test(value.text)) issues.push('MAXERROR expects a whole number');
      else {
        i += 1;
        options.maxError = Math.min(Number(value.text), maxErrorLimit);
      }
    } else if (noEffectLocally.has(word)) {
      const next = peekWord();
      if (next === 'ON' || next === 'OFF' || next === 'TRUE' || next === 'FALSE' || next === 'PRESET') i += 1;
    } else if (word === 'REGION') takeString('REGION');
    else if (notWithJson.has(word)) issues.push(`${word} cannot be used with JSON (Redshift refuses it too)`);
    else issues.push(`${word} is not supported by the DuckDB engine (supported: JSON, GZIP, TIMEFORMAT, DATEFORMAT, TRUNCATECOLUMNS, EMPTYASNULL, BLANKSASNULL, ROUNDEC, MAXERROR, STATUPDATE, COMPUPDATE, REGION)`);
  }
  if (!sawFormat) issues.push("the options must say JSON 's3://<bucket>/<jsonpaths key>' (or JSON 'auto'): the DuckDB engine loads JSON only");
  return issues.length > 0 ? { ok: false, issues } : { ok: true, options };
}

function parseJsonArgument(argument: string): CopyFormat | string {
  if (argument === 'auto') return { kind: 'auto' };
  if (argument.toLowerCase() === 'auto ignorecase') return "JSON 'auto ignorecase' is not supported by the DuckDB engine; use a JSONPaths file or 'auto'";
  if (argument === 'noshred') return "JSON 'noshred' is not supported by the DuckDB engine";
  const parsed = parseS3Url(argument);
  if (parsed === undefined) return `JSON expects 'auto' or the s3:// URL of a JSONPaths file (got '${argument}')`;
  return { kind: 'jsonpaths', url: argument, ...parsed };
}

/**
 * Splits `s3://bucket/key` into bucket and key; undefined when it is not such a URL.
 *
 * @example
 * parseS3Url('s3://my-bucket/jsonpaths/t.json'); // { bucket: 'my-bucket', key: 'jsonpaths/t.json' }
 */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (match === null) return undefined;
  return { bucket: match[1] as string, key: match[2] as string };
}
