// The JSON Schema → column type mapping, one row per rule and edge (packages/codegen/README.md, "Warehouse").
import { describe, expect, it } from 'vitest';
import { flattenSchema, sqlTypeName, type FlatColumn } from '@factline/codegen';

/** The column a property `v` becomes when it is required in its (root) object. */
function columnOf(node: unknown, required = true): FlatColumn {
  const schema = { type: 'object', required: required ? ['v'] : [], properties: { v: node } };
  const { columns, issues } = flattenSchema(schema, { baseName: '', basePath: [] });
  expect(issues).toEqual([]);
  expect(columns).toHaveLength(1);
  return columns[0]!;
}

interface Row {
  rule: string;
  given: unknown;
  redshift: string;
  duckdb: string;
  nullable?: boolean;
}

const rows: Row[] = [
  // Strings: maxLength counts characters, VARCHAR counts bytes, UTF-8 needs up to 4 bytes per character.
  { rule: 'a string is sized maxLength × 4 bytes', given: { type: 'string', maxLength: 100 }, redshift: 'VARCHAR(400)', duckdb: 'VARCHAR' },
  { rule: 'a huge maxLength is capped at VARCHAR(65535)', given: { type: 'string', maxLength: 100000 }, redshift: 'VARCHAR(65535)', duckdb: 'VARCHAR' },
  { rule: 'maxLength 16383 still fits in bytes', given: { type: 'string', maxLength: 16383 }, redshift: 'VARCHAR(65532)', duckdb: 'VARCHAR' },
  { rule: 'a string without maxLength is the widest VARCHAR', given: { type: 'string' }, redshift: 'VARCHAR(65535)', duckdb: 'VARCHAR' },
  { rule: 'maxLength 0 still gives a valid VARCHAR(1)', given: { type: 'string', maxLength: 0 }, redshift: 'VARCHAR(1)', duckdb: 'VARCHAR' },
  { rule: 'an ASCII-only pattern makes characters bytes', given: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 }, redshift: 'VARCHAR(3)', duckdb: 'VARCHAR' },
  { rule: 'a pattern that admits any character keeps × 4', given: { type: 'string', pattern: '^.{1,3}$', maxLength: 3 }, redshift: 'VARCHAR(12)', duckdb: 'VARCHAR' },
  { rule: 'minLength = maxLength is still VARCHAR (CHAR holds only single-byte characters)', given: { type: 'string', minLength: 2, maxLength: 2 }, redshift: 'VARCHAR(8)', duckdb: 'VARCHAR' },
  { rule: 'an enum is as wide as its longest value in bytes', given: { type: 'string', enum: ['a', 'bb', 'ccc'] }, redshift: 'VARCHAR(3)', duckdb: 'VARCHAR' },
  { rule: 'multibyte enum values are measured in UTF-8 bytes', given: { type: 'string', enum: ['café', 'naïve', '日本'] }, redshift: 'VARCHAR(6)', duckdb: 'VARCHAR' },
  { rule: 'an enum value longer than maxLength still fits', given: { type: 'string', enum: ['short', 'a-much-longer-value'], maxLength: 3 }, redshift: 'VARCHAR(19)', duckdb: 'VARCHAR' },
  { rule: 'maxLength on an enum leaves room for values added later', given: { type: 'string', enum: ['on', 'off'], maxLength: 20 }, redshift: 'VARCHAR(80)', duckdb: 'VARCHAR' },
  { rule: 'a const string is sized by its value', given: { const: 'élan' }, redshift: 'VARCHAR(5)', duckdb: 'VARCHAR' },
  // Formats.
  { rule: 'date-time is TIMESTAMPTZ (offsets are converted to UTC)', given: { type: 'string', format: 'date-time', maxLength: 40 }, redshift: 'TIMESTAMPTZ', duckdb: 'TIMESTAMPTZ' },
  { rule: 'date is DATE', given: { type: 'string', format: 'date' }, redshift: 'DATE', duckdb: 'DATE' },
  { rule: 'uuid is CHAR(36)', given: { type: 'string', format: 'uuid' }, redshift: 'CHAR(36)', duckdb: 'VARCHAR' },
  { rule: 'email is ASCII: maxLength bytes, honoured above 255', given: { type: 'string', format: 'email', maxLength: 320 }, redshift: 'VARCHAR(320)', duckdb: 'VARCHAR' },
  { rule: 'ipv4 is at most 15 characters', given: { type: 'string', format: 'ipv4' }, redshift: 'VARCHAR(15)', duckdb: 'VARCHAR' },
  { rule: 'ipv6 is at most 45 characters (IPv4-mapped form)', given: { type: 'string', format: 'ipv6' }, redshift: 'VARCHAR(45)', duckdb: 'VARCHAR' },
  { rule: 'a smaller maxLength narrows a bounded format', given: { type: 'string', format: 'ipv6', maxLength: 39 }, redshift: 'VARCHAR(39)', duckdb: 'VARCHAR' },
  { rule: 'hostname is at most 254 characters', given: { type: 'string', format: 'hostname' }, redshift: 'VARCHAR(254)', duckdb: 'VARCHAR' },
  { rule: 'time stays text (one TIMEFORMAT per COPY)', given: { type: 'string', format: 'time' }, redshift: 'VARCHAR(64)', duckdb: 'VARCHAR' },
  { rule: 'uri may hold any character: × 4', given: { type: 'string', format: 'uri', maxLength: 100 }, redshift: 'VARCHAR(400)', duckdb: 'VARCHAR' },
  // Integers: sized by both bounds.
  { rule: 'a small integer is SMALLINT', given: { type: 'integer', minimum: 0, maximum: 100 }, redshift: 'SMALLINT', duckdb: 'SMALLINT' },
  { rule: 'a negative minimum beyond SMALLINT needs INTEGER', given: { type: 'integer', minimum: -1000000000, maximum: 10 }, redshift: 'INTEGER', duckdb: 'INTEGER' },
  { rule: 'minimum -32768 is still SMALLINT', given: { type: 'integer', minimum: -32768, maximum: 32767 }, redshift: 'SMALLINT', duckdb: 'SMALLINT' },
  { rule: 'maximum 32768 needs INTEGER', given: { type: 'integer', minimum: 0, maximum: 32768 }, redshift: 'INTEGER', duckdb: 'INTEGER' },
  { rule: 'exclusiveMaximum 32768 is SMALLINT', given: { type: 'integer', minimum: 0, exclusiveMaximum: 32768 }, redshift: 'SMALLINT', duckdb: 'SMALLINT' },
  { rule: 'draft-04 boolean exclusiveMaximum is read', given: { type: 'integer', minimum: 0, maximum: 32768, exclusiveMaximum: true }, redshift: 'SMALLINT', duckdb: 'SMALLINT' },
  { rule: 'beyond INTEGER is BIGINT', given: { type: 'integer', minimum: 0, maximum: 100000000000 }, redshift: 'BIGINT', duckdb: 'BIGINT' },
  { rule: 'an integer without bounds is BIGINT', given: { type: 'integer' }, redshift: 'BIGINT', duckdb: 'BIGINT' },
  { rule: 'one missing bound is unbounded: BIGINT', given: { type: 'integer', minimum: 0 }, redshift: 'BIGINT', duckdb: 'BIGINT' },
  { rule: 'beyond BIGINT is an exact DECIMAL(p,0)', given: { type: 'integer', minimum: 0, maximum: 1e20 }, redshift: 'DECIMAL(21,0)', duckdb: 'DECIMAL(21,0)' },
  { rule: 'an integer enum is sized by its values', given: { type: 'integer', enum: [1, 2, 70000] }, redshift: 'INTEGER', duckdb: 'INTEGER' },
  // Numbers: multipleOf gives DECIMAL(p, s) with s from the step and p from the bounds.
  { rule: 'money to the cent within bounds', given: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 1000 }, redshift: 'DECIMAL(6,2)', duckdb: 'DECIMAL(6,2)' },
  { rule: 'a negative minimum counts as much as the maximum', given: { type: 'number', multipleOf: 0.01, minimum: -99999, maximum: 1 }, redshift: 'DECIMAL(7,2)', duckdb: 'DECIMAL(7,2)' },
  { rule: 'multipleOf 0.001 without bounds takes all 38 digits', given: { type: 'number', multipleOf: 0.001 }, redshift: 'DECIMAL(38,3)', duckdb: 'DECIMAL(38,3)' },
  { rule: 'multipleOf 0.25 needs two decimals', given: { type: 'number', multipleOf: 0.25, minimum: -10, maximum: 10 }, redshift: 'DECIMAL(4,2)', duckdb: 'DECIMAL(4,2)' },
  { rule: 'multipleOf in exponent form (1e-7)', given: { type: 'number', multipleOf: 1e-7, minimum: -180, maximum: 180 }, redshift: 'DECIMAL(10,7)', duckdb: 'DECIMAL(10,7)' },
  { rule: 'an integral multipleOf on a number sizes an integer', given: { type: 'number', multipleOf: 1, minimum: 0, maximum: 10 }, redshift: 'SMALLINT', duckdb: 'SMALLINT' },
  { rule: 'a number enum is exact', given: { type: 'number', enum: [0.5, 1.25] }, redshift: 'DECIMAL(3,2)', duckdb: 'DECIMAL(3,2)' },
  { rule: 'a number without multipleOf is DOUBLE PRECISION', given: { type: 'number', minimum: 0, maximum: 1 }, redshift: 'DOUBLE PRECISION', duckdb: 'DOUBLE' },
  { rule: 'more than 38 digits falls back to DOUBLE PRECISION', given: { type: 'number', multipleOf: 1e-30, minimum: 0, maximum: 1e10 }, redshift: 'DOUBLE PRECISION', duckdb: 'DOUBLE' },
  { rule: 'integer or number is a number', given: { type: ['integer', 'number'] }, redshift: 'DOUBLE PRECISION', duckdb: 'DOUBLE' },
  // The rest.
  { rule: 'boolean is BOOLEAN', given: { type: 'boolean' }, redshift: 'BOOLEAN', duckdb: 'BOOLEAN' },
  { rule: 'an array is SUPER / JSON', given: { type: 'array', items: { type: 'string', maxLength: 5 } }, redshift: 'SUPER', duckdb: 'JSON' },
  { rule: 'an object without properties is SUPER', given: { type: 'object', additionalProperties: { type: 'integer' } }, redshift: 'SUPER', duckdb: 'JSON' },
  { rule: 'a union of types is SUPER', given: { type: ['string', 'integer'], maxLength: 5 }, redshift: 'SUPER', duckdb: 'JSON' },
  { rule: 'an enum of mixed types is SUPER', given: { enum: ['a', 1] }, redshift: 'SUPER', duckdb: 'JSON' },
  { rule: 'no type at all is SUPER and nullable', given: { description: 'anything' }, redshift: 'SUPER', duckdb: 'JSON', nullable: true },
  // Nullability.
  { rule: '["string","null"] is nullable even when required', given: { type: ['string', 'null'], maxLength: 10 }, redshift: 'VARCHAR(40)', duckdb: 'VARCHAR', nullable: true },
  { rule: 'anyOf [X, null] is X, nullable', given: { anyOf: [{ type: 'string', maxLength: 4 }, { type: 'null' }] }, redshift: 'VARCHAR(16)', duckdb: 'VARCHAR', nullable: true },
  { rule: 'an enum with null is nullable', given: { type: ['string', 'null'], enum: ['x', null] }, redshift: 'VARCHAR(1)', duckdb: 'VARCHAR', nullable: true },
  { rule: 'a required non-null value is NOT NULL', given: { type: 'boolean' }, redshift: 'BOOLEAN', duckdb: 'BOOLEAN', nullable: false },
];

describe('type mapping', () => {
  it.each(rows)('$rule', ({ given, redshift, duckdb, nullable }) => {
    // Prepare / Act
    const column = columnOf(given);
    // Assess
    expect(sqlTypeName(column.type, 'redshift')).toBe(redshift);
    expect(sqlTypeName(column.type, 'duckdb')).toBe(duckdb);
    if (nullable !== undefined) expect(column.nullable).toBe(nullable);
  });

  it('makes an optional property nullable', () => {
    expect(columnOf({ type: 'boolean' }, false).nullable).toBe(true);
  });

  it('makes a property required under an optional parent nullable, and under a required parent NOT NULL', () => {
    // Prepare
    const child = { type: 'object', required: ['c'], properties: { c: { type: 'integer', minimum: 0, maximum: 9 } } };
    const schema = { type: 'object', required: ['required'], properties: { optional: child, required: child } };
    // Act
    const { columns } = flattenSchema(schema, { baseName: '', basePath: [] });
    // Assess
    expect(columns.map((c) => [c.name, c.nullable])).toEqual([
      ['optional_c', true],
      ['required_c', false],
    ]);
  });

  it('makes every column under a nullable object nullable', () => {
    const schema = { type: 'object', required: ['p'], properties: { p: { type: ['object', 'null'], required: ['c'], properties: { c: { type: 'boolean' } } } } };
    expect(flattenSchema(schema, { baseName: '', basePath: [] }).columns[0]!.nullable).toBe(true);
  });
});
