// Strings: formats, enums and VARCHAR widths in bytes. JSON Schema's maxLength counts characters (code points);
// Redshift's VARCHAR(n) counts bytes, and UTF-8 needs up to 4 bytes per code point. factline sizes a column so that
// every valid value fits: maxLength × 4, or maxLength when the value is provably ASCII (a format or pattern), or
// the exact byte length of the longest enum value.
import type { JsonSchemaObject } from '@factline/catalog';
import { isAsciiOnlyPattern } from './ascii-pattern.js';
import { asciiFormatMaxLength, asciiFormats, maxBytesPerCharacter, redshiftLimits } from './constants.js';
import type { LogicalType } from './types.js';

export interface StringMapping {
  type: LogicalType;
  /** Why the width is what it is, when a person might not expect it. */
  note: string | undefined;
}

/** The string values an `enum`/`const` allows, or undefined when it has none. */
function stringValues(node: JsonSchemaObject): string[] | undefined {
  const values = 'const' in node ? [node['const']] : Array.isArray(node['enum']) ? (node['enum'] as unknown[]) : undefined;
  const strings = values?.filter((v): v is string => typeof v === 'string');
  return strings && strings.length > 0 ? strings : undefined;
}

/** UTF-8 length of a string. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The column type of a `string` node.
 *
 * @example
 * stringNodeType({ type: 'string', maxLength: 100 }).type; // { kind: 'varchar', bytes: 400 }
 * stringNodeType({ type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 }).type; // { kind: 'varchar', bytes: 3 }
 */
export function stringNodeType(node: JsonSchemaObject): StringMapping {
  const format = typeof node['format'] === 'string' ? node['format'] : undefined;
  if (format === 'date-time') return { type: { kind: 'timestamptz' }, note: undefined };
  if (format === 'date') return { type: { kind: 'date' }, note: undefined };
  if (format === 'uuid') return { type: { kind: 'char', bytes: 36 }, note: undefined };

  const maxLength = typeof node['maxLength'] === 'number' && node['maxLength'] >= 0 ? Math.floor(node['maxLength']) : undefined;
  const ascii = (format !== undefined && asciiFormats.has(format)) || (typeof node['pattern'] === 'string' && isAsciiOnlyPattern(node['pattern']));
  const fromMaxLength = maxLength === undefined ? undefined : ascii ? maxLength : maxLength * maxBytesPerCharacter;

  let bytes: number;
  let note: string | undefined;
  const values = stringValues(node);
  const formatBound = format === undefined ? undefined : asciiFormatMaxLength[format];
  if (values) {
    // The longest value, or the room maxLength leaves for values added later, whichever is wider.
    bytes = Math.max(...values.map(utf8Bytes), fromMaxLength ?? 0);
  } else if (formatBound !== undefined) {
    bytes = Math.min(formatBound, fromMaxLength ?? formatBound);
  } else if (fromMaxLength !== undefined) {
    bytes = fromMaxLength;
  } else {
    bytes = redshiftLimits.varcharMaxBytes;
    note = 'no maxLength: the widest VARCHAR';
  }
  if (bytes > redshiftLimits.varcharMaxBytes) {
    note = `maxLength ${maxLength} can need ${bytes} bytes; capped at the widest VARCHAR (${redshiftLimits.varcharMaxBytes} bytes)`;
    bytes = redshiftLimits.varcharMaxBytes;
  }
  return { type: { kind: 'varchar', bytes: Math.max(1, bytes) }, note };
}
