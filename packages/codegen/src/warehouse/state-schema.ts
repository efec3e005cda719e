// JSON Schema of generated/warehouse-state.json, so that a damaged or hand-edited state is refused, not trusted.
const identifier = { type: 'string', minLength: 1 } as const;
const bytes = { type: 'integer', minimum: 1, maximum: 65535 } as const;

const logicalType = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind', 'bytes'], properties: { kind: { enum: ['varchar', 'char'] }, bytes } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'precision', 'scale'],
      properties: { kind: { const: 'decimal' }, precision: { type: 'integer', minimum: 1, maximum: 38 }, scale: { type: 'integer', minimum: 0, maximum: 37 } },
    },
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { enum: ['smallint', 'integer', 'bigint', 'double', 'boolean', 'date', 'timestamptz', 'json'] } } },
  ],
} as const;

const origin = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'shared' } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'fact', 'version', 'file', 'pointer', 'requiredInFact'],
      properties: { kind: { const: 'value' }, fact: identifier, version: { type: 'integer', minimum: 1 }, file: identifier, pointer: { type: 'string' }, requiredInFact: { type: 'boolean' } },
    },
    { type: 'object', additionalProperties: false, required: ['kind', 'file', 'pointer'], properties: { kind: { const: 'property' }, file: identifier, pointer: { type: 'string' } } },
  ],
} as const;

const column = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type', 'nullable', 'encoding', 'jsonPath', 'comment', 'origin'],
  properties: {
    name: identifier,
    type: logicalType,
    nullable: { type: 'boolean' },
    encoding: { enum: ['raw', 'az64', 'zstd'] },
    jsonPath: { type: 'array', items: { type: 'string' } },
    comment: { type: 'string' },
    origin,
  },
} as const;

const table = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'entity', 'comment', 'distKey', 'sortKey', 'sources', 'columns'],
  properties: {
    name: identifier,
    entity: identifier,
    comment: { type: 'string' },
    distKey: identifier,
    sortKey: { type: 'array', items: identifier },
    sources: { type: 'array', items: { type: 'string' } },
    columns: { type: 'array', minItems: 1, items: column },
  },
} as const;

const migration = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'sha256'],
  properties: { name: { type: 'string', pattern: '^[0-9]{4}-[a-z0-9-]+\\.sql$' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

export const warehouseStateSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['formatVersion', 'generatedBy', 'warehouse', 'tables', 'migrations'],
  properties: {
    formatVersion: { const: 1 },
    generatedBy: { type: 'string' },
    warehouse: { type: 'object', additionalProperties: false, required: ['schema'], properties: { schema: identifier } },
    tables: { type: 'array', items: table },
    migrations: {
      type: 'object',
      additionalProperties: false,
      required: ['redshift', 'duckdb'],
      properties: { redshift: { type: 'array', items: migration }, duckdb: { type: 'array', items: migration } },
    },
  },
} as const;
