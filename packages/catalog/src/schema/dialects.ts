// JSON Schema dialects and the ajv instances that validate schemas against their meta-schema.
// factline's own schemas are draft 2020-12; generic mode (bring your own schema, e.g. Iglu Central) also reads
// draft-04/06/07 and Snowplow's self-describing meta-schema (draft-04 plus a `self` block).
import { Ajv, type ErrorObject, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import _addFormats from 'ajv-formats';
import _AjvDraft04 from 'ajv-draft-04';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import type { JsonSchemaObject } from '../types.js';

// ajv-formats and ajv-draft-04 are CommonJS with a default export; under NodeNext the default import is the module.
const addFormats = _addFormats as unknown as typeof _addFormats.default;
const AjvDraft04 = _AjvDraft04 as unknown as typeof _AjvDraft04.default;

export const Dialect = {
  draft2020: 'https://json-schema.org/draft/2020-12/schema',
  draft07: 'http://json-schema.org/draft-07/schema',
  draft06: 'http://json-schema.org/draft-06/schema',
  draft04: 'http://json-schema.org/draft-04/schema',
} as const;
export type Dialect = (typeof Dialect)[keyof typeof Dialect];

/** The keywords factline adds to JSON Schema. They are annotations: they never change what validates. */
export const factlineKeywords = ['x-factline-mapping', 'x-factline-entity', 'x-factline-references'] as const;

/** Formats factline knows how to validate and how to store (see the warehouse type mapping). */
export const knownFormats = ['date-time', 'date', 'time', 'email', 'uuid', 'ipv4', 'ipv6', 'uri', 'hostname'] as const;

/** Maps a `$schema` value to a dialect; undefined when it names none that factline reads. */
export function dialectOf(schemaUri: unknown): Dialect | undefined {
  if (typeof schemaUri !== 'string') return undefined;
  const uri = schemaUri.replace(/#$/, '').replace(/^https?:/, '');
  if (uri === '//json-schema.org/draft/2020-12/schema') return Dialect.draft2020;
  if (uri === '//json-schema.org/draft-07/schema') return Dialect.draft07;
  if (uri === '//json-schema.org/draft-06/schema') return Dialect.draft06;
  if (uri === '//json-schema.org/draft-04/schema') return Dialect.draft04;
  // Snowplow's self-describing schemas: draft-04 plus a `self` block.
  if (/\/\/iglucentral\.com\/schemas\/com\.snowplowanalytics\.self-desc\/schema\/jsonschema\/1-0-0$/.test(uri)) return Dialect.draft04;
  return undefined;
}

const commonOptions: Options = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
  allowUnionTypes: true,
  validateFormats: true,
};

/** A fresh ajv for a dialect, with formats and factline's annotation keywords. */
export function createAjv(dialect: Dialect, options: Options = {}): Ajv {
  const merged = { ...commonOptions, ...options };
  const ajv: Ajv =
    dialect === Dialect.draft2020 ? new Ajv2020(merged) : dialect === Dialect.draft04 ? new AjvDraft04(merged) : new Ajv(merged);
  if (dialect === Dialect.draft06) ajv.addMetaSchema(draft06MetaSchema);
  addFormats(ajv);
  for (const keyword of factlineKeywords) ajv.addKeyword({ keyword });
  if (dialect === Dialect.draft04) ajv.addKeyword({ keyword: 'self' });
  return ajv;
}

const metaValidators = new Map<Dialect, Ajv>();

/** Validates a schema against its dialect's meta-schema; returns ajv's errors (pointers into the schema). */
export function validateAgainstMetaSchema(schema: JsonSchemaObject, dialect: Dialect): ErrorObject[] {
  let ajv = metaValidators.get(dialect);
  if (ajv === undefined) {
    ajv = createAjv(dialect, { strict: false });
    metaValidators.set(dialect, ajv);
  }
  const valid = ajv.validate(dialect === Dialect.draft2020 ? Dialect.draft2020 : `${dialect}#`, schema);
  return valid ? [] : [...(ajv.errors ?? [])];
}
