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
    for (const document of catalog.documents.values()) ajv.addSchema(document.schema);
    const code = standaloneCode(ajv, validatorExports(catalog));
    return [{ path: `${eventsGeneratedFolder}/validators.ts`, content: `${tsHeader([])}// @ts-nocheck: ajv's generated code is checked by ajv, not by tsc.\n${toEsmImports(code)}\n` }];
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

/** ajv's "esm" output still calls require() for its runtime helpers and formats; turn those into imports. */
function toEsmImports(code: string): string {
  const modules = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
  const alias = new Map(modules.map((m, i) => [m, `runtime${i}`]));
  const imports = modules.map((m) => `import ${alias.get(m)} from '${m}.js';`).join('\n');
  const body = code.replace(/^"use strict";/, '').replace(/require\("([^"]+)"\)/g, (_all, m: string) => alias.get(m)!);
  return `${imports}\n${body}`;
}
