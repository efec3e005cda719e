// Precompiled validators (ajv standalone): nothing compiles a schema at run time, in a service or in the Lambda.
import _standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv, Dialect, type Catalog } from '@factline/catalog';
import type { Generator } from '../generator.js';
import { tsHeader } from '../header.js';
import { eventsGeneratedFolder } from './types-generator.js';
import { envelopeValidatorName, eventValidatorName, factValidatorName } from './type-names.js';

// CommonJS module with a default export; under NodeNext the default import is the module object.
const standaloneCode = ((_standaloneCode as unknown as { default?: unknown }).default ?? _standaloneCode) as (ajv: unknown, refsOrFunc: Record<string, string>) => string;

export const validatorsGenerator: Generator = {
  name: 'validators',
  description: 'ajv standalone validators for the envelope, every event payload and every fact value',
  owns: [],
  generate({ catalog }) {
    const ajv = createAjv(Dialect.draft2020, { code: { source: true, esm: true, lines: false } });
    declareObjectFormats(ajv);
    for (const document of catalog.documents.values()) ajv.addSchema(document.schema);
    const code = withLengthShortcuts(withSharedDefaults(toEsmImports(standaloneCode(ajv, validatorExports(catalog)))));
    return [{ path: `${eventsGeneratedFolder}/validators.ts`, content: `${tsHeader([])}// @ts-nocheck: ajv's generated code is checked by ajv, not by tsc.\n${code}\n` }];
  },
};

/** Export name → schema $id, sorted for stable output. */
export function validatorExports(catalog: Catalog): Record<string, string> {
  const entries: [string, string][] = [];
  if (catalog.envelope) entries.push([envelopeValidatorName, catalog.envelope.id]);
  for (const event of catalog.events) entries.push([eventValidatorName(event.type, event.version), event.document.id]);
  for (const fact of catalog.facts) entries.push([factValidatorName(fact.type, fact.version), fact.document.id]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * ajv inlines a regular-expression format into the generated code, where nothing can speed it up; an object format
 * is called through `fullFormats.<name>.validate`, which validator-runtime.ts gives a fast path (same answers).
 */
function declareObjectFormats(ajv: ReturnType<typeof createAjv>): void {
  const uuid = ajv.formats['uuid'];
  if (!(uuid instanceof RegExp)) throw new Error('ajv-formats no longer defines "uuid" as a regular expression; check validator-runtime.ts');
  ajv.addFormat('uuid', { type: 'string', validate: (text: string) => uuid.test(text) });
}

// Every ajv validator called without its data context (as services and the transformer call it) allocates two empty
// objects for the defaults of its parameters; thousands of calls per batch make that garbage worth avoiding.
const freshDefaults = 'dynamicAnchors={}}={}){';
const sharedDefaults = 'dynamicAnchors=noDynamicAnchors}=noDataContext){';
const sharedDefaultObjects = 'const noDataContext = Object.freeze({});\nconst noDynamicAnchors = Object.freeze({});\n';

/**
 * Points the parameter defaults at two shared frozen objects. Safe only while no validator writes to
 * `dynamicAnchors` (ajv does for `$dynamicAnchor`); then the code is left as ajv wrote it.
 */
export function withSharedDefaults(code: string): string {
  if (/dynamicAnchors(\[|\.)/.test(code) || !code.includes(freshDefaults)) return code;
  const body = code.split(freshDefaults).join(sharedDefaults);
  // After the import line toEsmImports put first (validators always import their formats or helpers from there).
  const afterImports = body.startsWith('import ') ? body.indexOf('\n') + 1 : 0;
  return `${body.slice(0, afterImports)}${sharedDefaultObjects}${body.slice(afterImports)}`;
}

/**
 * Skips counting code points when the string's length in UTF-16 units already decides a length limit. A string of
 * `length` units holds between `length / 2` and `length` code points, so `ucs2length(x) > N` can only hold when
 * `x.length > N`, and `ucs2length(x) < N` only when `x.length < 2 * N`. The answers are unchanged; most strings
 * (ids, timestamps, names) never reach the counting loop.
 */
export function withLengthShortcuts(code: string): string {
  const counters = [...code.matchAll(/const (func\d+) = ucs2length;/g)].map((match) => match[1] as string);
  let body = code;
  for (const counter of counters) {
    const check = new RegExp(`\\b${counter}\\((data\\w*)\\) ([<>]) (\\d+)\\b`, 'g');
    body = body.replace(check, (whole: string, data: string, comparison: string, limit: string) =>
      comparison === '>' ? `(${data}.length > ${limit} && ${whole})` : `(${data}.length < ${2 * Number(limit)} && ${whole})`,
    );
  }
  return body;
}

/** Runtime helpers ajv's standalone code requires, and what each becomes (see packages/events/src/validator-runtime.ts). */
const runtimeReplacements: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': 'ucs2length',
  'require("ajv/dist/runtime/equal").default': 'equal',
  'require("ajv-formats/dist/formats").fullFormats': 'fullFormats',
};

/** ajv's "esm" output still calls require() for its runtime helpers; point those at validator-runtime.ts instead. */
function toEsmImports(code: string): string {
  let body = code.replace(/^"use strict";/, '');
  const used = new Set<string>();
  for (const [call, name] of Object.entries(runtimeReplacements)) {
    if (body.includes(call)) used.add(name);
    body = body.split(call).join(name);
  }
  const leftover = /require\("([^"]+)"\)/.exec(body);
  if (leftover) throw new Error(`ajv's validators need the runtime module "${leftover[1]}", which validator-runtime.ts does not provide yet`);
  const imports = used.size ? `import { ${[...used].sort().join(', ')} } from '../validator-runtime.js';\n` : '';
  return `${imports}${body}`;
}
