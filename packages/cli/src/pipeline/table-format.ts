// Rows as a table for people: one column per key, values as text (NULL, ISO times, JSON for objects), long values
// cut with an ellipsis, numbers right-aligned, and as many columns as fit when a width is given.

/**
 * How to print a table.
 *
 * @example
 * const options: TableOptions = { maxCellWidth: 32, maxWidth: 120, maxRows: 100 };
 */
export interface TableOptions {
  /** Longest cell, in characters; longer values end in `…`. Default 40. */
  maxCellWidth?: number;
  /** Leave out the columns that do not fit this line width (they are named below the table). Default: no limit. */
  maxWidth?: number;
  /** Print at most this many rows; the rest are counted below the table. Default: all. */
  maxRows?: number;
}

/**
 * One value as the table shows it.
 *
 * @example
 * cellText(new Date(0)); // '1970-01-01T00:00:00.000Z'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'object') return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value).replace(/\p{Cc}/gu, (c) => (c === '\n' ? '↵' : c === '\t' ? '→' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);
const numeric = (value: unknown): boolean => typeof value === 'number' || typeof value === 'bigint';

/**
 * Formats rows (objects keyed by column name) as an aligned table, psql style, with a row count.
 *
 * @example
 * formatTable([{ entity_id: 'a', n: 3 }]);
 * //  entity_id | n
 * // -----------+---
 * //  a         | 3
 * // (1 row)
 */
export function formatTable(rows: readonly Record<string, unknown>[], options: TableOptions = {}): string {
  const plural = (n: number): string => `(${new Intl.NumberFormat('en-US').format(n)} row${n === 1 ? '' : 's'})`;
  if (rows.length === 0) return plural(0);
  const maxCell = Math.max(4, options.maxCellWidth ?? 40);
  const shownRows = options.maxRows === undefined ? rows : rows.slice(0, options.maxRows);
  const allColumns = Object.keys(rows[0] as Record<string, unknown>);
  const texts = shownRows.map((row) => allColumns.map((column) => cut(cellText(row[column]), maxCell)));
  const widths = allColumns.map((column, i) => Math.max(cut(column, maxCell).length, ...texts.map((cells) => (cells[i] as string).length)));
  let columnCount = allColumns.length;
  if (options.maxWidth !== undefined) {
    let used = 0;
    columnCount = 0;
    for (const w of widths) {
      const next = used + w + 3;
      if (columnCount > 0 && next > options.maxWidth) break;
      used = next;
      columnCount += 1;
    }
  }
  const columns = allColumns.slice(0, columnCount);
  const right = columns.map((column) => shownRows.every((row) => row[column] === null || row[column] === undefined || numeric(row[column])) && shownRows.some((row) => numeric(row[column])));
  const pad = (text: string, i: number): string => (right[i] === true ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number));
  const line = (cells: readonly string[]): string => ` ${cells.slice(0, columnCount).map(pad).join(' | ')}`.trimEnd();
  const out = [line(columns.map((c) => cut(c, maxCell))), widths.slice(0, columnCount).map((w) => '-'.repeat(w + 2)).join('+').replace(/^-/, '-'), ...texts.map(line)];
  const notes: string[] = [];
  if (shownRows.length < rows.length) notes.push(`${new Intl.NumberFormat('en-US').format(rows.length - shownRows.length)} more not shown (add a LIMIT, or use --json for every row)`);
  if (columnCount < allColumns.length) notes.push(`column(s) not shown: ${allColumns.slice(columnCount).join(', ')}`);
  return [...out, `${plural(rows.length)}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`].join('\n');
}
