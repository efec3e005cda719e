// Explaining a failed COPY: file by file, in key order, find the first record Redshift would refuse and say where
// it is (object key, line, column, value), like a row of STL_LOAD_ERRORS. Runs only after a load failed.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { scanJsonValues } from '../copy/data-scan.js';
import { loadErrorCodes, type LoadError, type LoadErrorCode } from '../copy/load-error.js';
import { problemsSql, type CopyPlan } from './copy-sql.js';
import type { StagedObject } from './copy-stage.js';

/** The load errors of one object; `readable` is false when the object cannot be read as JSON at all. */
export interface ObjectLoadErrors {
  readable: boolean;
  errors: LoadError[];
}

/**
 * The first `limit` load errors of one staged object, in file order (none when it loads cleanly).
 *
 * @example
 * const { errors: [first] } = await findLoadErrors(connection, plan, stage.objects[0], 1);
 */
export async function findLoadErrors(connection: DuckDBConnection, plan: CopyPlan, object: StagedObject, limit: number): Promise<ObjectLoadErrors> {
  const at = (errorCode: LoadErrorCode, reason: string, extra: Partial<LoadError> = {}): ObjectLoadErrors => ({ readable: false, errors: [{ key: object.key, url: object.url, errorCode, reason, ...extra }] });
  let bytes: Uint8Array = await readFile(object.file);
  if (plan.options.gzip) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      return at(loadErrorCodes.invalidLine, `The object is not valid gzip data (GZIP is set): ${(error as Error).message}`);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const gzipHint = !plan.options.gzip && bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (the object is gzip-compressed: add GZIP to the COPY options)' : '';
    return at(loadErrorCodes.invalidUtf8, `String contains invalid or unsupported UTF-8 code points${gzipHint}`, { line: lineAt(lenient, lenient.indexOf('\uFFFD')) });
  }
  const scan = scanJsonValues(text);
  if (!scan.ok) {
    const { problem } = scan;
    return at(problem.kind === 'too-large' ? loadErrorCodes.invalidLine : loadErrorCodes.malformedJson, problem.message, { line: problem.line, rawLine: problem.rawLine });
  }
  let rows: Record<string, unknown>[];
  try {
    rows = (await connection.runAndReadAll(problemsSql(plan, object.file, limit))).getRowObjectsJS();
  } catch (error) {
    return at(loadErrorCodes.invalidLine, `The object cannot be read: ${(error as Error).message}`);
  }
  return { readable: true, errors: rows.map((row) => toLoadError(plan, object, row, scan.endLines)) };
}

function toLoadError(plan: CopyPlan, object: StagedObject, row: Record<string, unknown>, endLines: readonly number[]): LoadError {
  const ordinality = Number(row.ordinality);
  const base = { key: object.key, url: object.url, line: endLines[ordinality - 1], rawLine: String(row.raw_line) };
  if (row.root_problem !== null) return { ...base, ...splitProblem(String(row.root_problem)) };
  const problems = row.problems as (string | null)[];
  const texts = row.texts as (string | null)[];
  const index = problems.findIndex((p) => p !== null);
  const column = plan.columns[index] as CopyPlan['columns'][number];
  const rawValue = texts[index];
  return {
    ...base,
    column: column.column.name,
    columnType: column.typeLabel,
    ...(column.kind === 'text' ? { columnLength: Number(/\((\d+)\)/.exec(column.typeLabel)?.[1]) } : {}),
    ...(rawValue === null || rawValue === undefined ? {} : { rawValue }),
    ...splitProblem(problems[index] as string),
  };
}

function splitProblem(problem: string): { errorCode: LoadErrorCode; reason: string } {
  const bar = problem.indexOf('|');
  return { errorCode: Number(problem.slice(0, bar)) as LoadErrorCode, reason: problem.slice(bar + 1) };
}

function lineAt(text: string, index: number): number | undefined {
  if (index < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
