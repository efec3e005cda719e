// Identifiers: quoting, and reading `schema.table` the way Redshift does (unquoted names fold to lowercase,
// "quoted" names keep their case).

/**
 * Quotes an identifier for SQL (`"name"`, inner quotes doubled).
 *
 * @example
 * quoteIdentifier('timestamp'); // '"timestamp"'
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A table name split into its parts; `schema` is undefined when the name is not qualified. */
export interface QualifiedName {
  schema: string | undefined;
  name: string;
}

/**
 * Reads `name`, `schema.name` or `"Schema"."Name"`; undefined when the text is not such a name.
 *
 * @example
 * parseQualifiedName('factline.Booking_Facts'); // { schema: 'factline', name: 'booking_facts' }
 */
export function parseQualifiedName(text: string): QualifiedName | undefined {
  const parts: string[] = [];
  let i = 0;
  const source = text.trim();
  while (i < source.length) {
    if (source[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= source.length) return undefined;
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += source[i];
        i += 1;
      }
      parts.push(value);
    } else {
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(source.slice(i));
      if (match === null) return undefined;
      parts.push(match[0].toLowerCase());
      i += match[0].length;
    }
    if (i === source.length) break;
    if (source[i] !== '.') return undefined;
    i += 1;
    if (i === source.length) return undefined;
  }
  if (parts.length === 1) return { schema: undefined, name: parts[0] as string };
  if (parts.length === 2) return { schema: parts[0], name: parts[1] as string };
  return undefined;
}

/**
 * Splits a column list (`a, "B", c` or an array) into column names, folding unquoted names to lowercase.
 *
 * @example
 * parseColumnList('fact_id, "Value"'); // ['fact_id', 'Value']
 */
export function parseColumnList(columns: readonly string[] | string): string[] | undefined {
  const items = typeof columns === 'string' ? splitOutsideQuotes(columns) : [...columns];
  const names: string[] = [];
  for (const item of items) {
    const parsed = parseQualifiedName(item);
    if (parsed === undefined || parsed.schema !== undefined) return undefined;
    names.push(parsed.name);
  }
  return names;
}

function splitOutsideQuotes(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((s) => s.trim());
}
