// Limits of the warehouse and the fixed places of the generated outputs, in one place.

/** Redshift limits (Database Developer Guide: character types, numeric types, names, CREATE TABLE). */
export const redshiftLimits = {
  /** VARCHAR(MAX): 65,535 bytes. */
  varcharMaxBytes: 65535,
  decimalMaxPrecision: 38,
  /** Identifiers are 1–127 bytes. */
  identifierMaxBytes: 127,
  maxColumns: 1600,
} as const;

/** UTF-8 needs at most 4 bytes for one code point (JSON Schema's maxLength counts code points). */
export const maxBytesPerCharacter = 4;

/** Width of string formats whose values are ASCII with a known maximum length. */
export const asciiFormatMaxLength: Readonly<Record<string, number>> = {
  uuid: 36,
  ipv4: 15,
  // An IPv4-mapped IPv6 address (`ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`) has 45 characters.
  ipv6: 45,
  // RFC 1123: 253 characters plus an optional trailing dot (ajv-formats checks this).
  hostname: 254,
  // RFC 3339 full-time allows any number of fraction digits; 64 covers any sane value, a longer one fails COPY loudly.
  time: 64,
};

/** String formats whose values are always ASCII (ajv-formats' patterns admit no other characters). */
export const asciiFormats: ReadonlySet<string> = new Set(['uuid', 'ipv4', 'ipv6', 'hostname', 'time', 'email', 'date', 'date-time']);

/** Deeper nesting than this is stored as one JSON column instead of flattened. */
export const maxFlattenDepth = 32;

/**
 * Where the generated warehouse files go, relative to the project root.
 *
 * @example
 * const state = await readFile(path.join(root, warehousePaths.state), 'utf8');
 */
export const warehousePaths = {
  redshiftTables: 'generated/redshift/tables',
  redshiftCopy: 'generated/redshift/copy',
  duckdbTables: 'generated/duckdb/tables',
  jsonPaths: 'generated/jsonpaths',
  migrations: 'generated/migrations',
  streamSettings: 'generated/stream-settings.json',
  state: 'generated/warehouse-state.json',
  readme: 'generated/README.md',
} as const;

/** The S3 object key of a table's JSONPaths file (`jsonpaths/<table>.json`, docs/architecture.md). */
export function jsonPathsKey(table: string): string {
  return `jsonpaths/${table}.json`;
}
