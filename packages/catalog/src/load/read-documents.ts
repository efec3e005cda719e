// Reads and parses the discovered files, checks names, ids and dialects, and indexes documents by $id.
import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import type { ProjectConfig } from '../config.js';
import { parseJsonText, type ParsedJson } from '../json/parse-json-file.js';
import { namePattern } from '../naming.js';
import type { Problem } from '../problems.js';
import { Dialect, dialectOf, validateAgainstMetaSchema } from '../schema/dialects.js';
import { isSchemaObject } from '../schema/walk.js';
import type { JsonSchemaObject } from '../types.js';
import { placementOf, type DiscoveredFile, type Placement } from './discover.js';

export interface ReadDocument {
  file: string;
  id: string;
  placement: Exclude<Placement, { kind: 'unknown' }>;
  schema: JsonSchemaObject;
  parsed: ParsedJson;
}

export interface ReadResult {
  documents: ReadDocument[];
  /** Parsed files by path, for turning pointers into line and column. */
  parsedFiles: Map<string, ParsedJson>;
}

export async function readDocuments(files: readonly DiscoveredFile[], config: ProjectConfig, problems: Problem[]): Promise<ReadResult> {
  const parsedFiles = new Map<string, ParsedJson>();
  const byId = new Map<string, ReadDocument>();
  const documents: ReadDocument[] = [];
  const report = (file: string, pointer: string, rule: string, message: string) => problems.push({ file, pointer, rule, severity: 'error', message });

  for (const discovered of files) {
    const { file, placement } = discovered;
    if (placement.kind === 'unknown') {
      report(file, '', 'unexpected-file', `${discovered.relative}: ${placement.reason}`);
      continue;
    }
    const text = await readFile(discovered.absolute, 'utf8');
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      problems.push({ file, pointer: '', rule: 'invalid-json', severity: 'error', message: `${parsed.message} (line ${parsed.position.line}, column ${parsed.position.column})`, ...parsed.position });
      continue;
    }
    parsedFiles.set(file, parsed.json);
    const schema = parsed.json.value;
    if (!isSchemaObject(schema)) {
      report(file, '', 'meta-schema', 'a schema file must hold a JSON object');
      continue;
    }
    checkNames(file, placement, report);

    // Identity: the declared $id when it is a factline id; otherwise the path says what the file is.
    const expectedId = config.schemaBaseUri + discovered.relative;
    let id = expectedId;
    let identity: Exclude<Placement, { kind: 'unknown' }> = placement;
    const declaredId = schema['$id'];
    if (typeof declaredId !== 'string') {
      report(file, '', 'missing-id', `the schema has no "$id"; add "$id": "${expectedId}"`);
    } else if (declaredId !== expectedId) {
      const claimed = declaredId.startsWith(config.schemaBaseUri) ? placementOf(declaredId.slice(config.schemaBaseUri.length)) : undefined;
      report(
        file,
        '/$id',
        'id-path-mismatch',
        `the $id is "${declaredId}" but the file is at ${file}; ${claimed && claimed.kind !== 'unknown' ? `move the file to schemas/${declaredId.slice(config.schemaBaseUri.length)} or ` : ''}set "$id" to "${expectedId}"`,
      );
      if (claimed && claimed.kind !== 'unknown') {
        id = declaredId;
        identity = claimed;
      }
    }

    const dialect = dialectOf(schema['$schema']);
    if (dialect !== Dialect.draft2020) {
      report(file, schema['$schema'] === undefined ? '' : '/$schema', 'schema-dialect', `factline schemas use JSON Schema draft 2020-12; set "$schema": "${Dialect.draft2020}"`);
    }
    for (const error of dedupeMetaErrors(validateAgainstMetaSchema(schema, dialect ?? Dialect.draft2020))) {
      report(file, error.instancePath, 'meta-schema', describeMetaError(error));
    }

    const document: ReadDocument = { file, id, placement: identity, schema, parsed: parsed.json };
    const existing = byId.get(id);
    if (existing) {
      // The file that sits where its $id says is the definition; the other one is the duplicate.
      const [kept, duplicate] = id === config.schemaBaseUri + discovered.relative ? [document, existing] : [existing, document];
      report(duplicate.file, '/$id', 'duplicate-id', `${kept.file} already defines ${describeIdentity(identity)} (${id}); each schema is defined once`);
      if (kept === document) {
        documents.splice(documents.indexOf(existing), 1, document);
        byId.set(id, document);
      }
      continue;
    }
    byId.set(id, document);
    documents.push(document);
  }
  return { documents, parsedFiles };
}

function checkNames(file: string, placement: Exclude<Placement, { kind: 'unknown' }>, report: (file: string, pointer: string, rule: string, message: string) => void) {
  const names: [string, string | undefined][] =
    placement.kind === 'event' || placement.kind === 'fact'
      ? [['entity', placement.entity], [placement.kind, placement.name]]
      : placement.kind === 'entity'
        ? [['entity', placement.entity]]
        : placement.kind === 'common'
          ? [['common schema', placement.name]]
          : [];
  for (const [what, name] of names) {
    if (name !== undefined && !namePattern.test(name)) report(file, '', 'invalid-name', `the ${what} name "${name}" must be snake_case ([a-z][a-z0-9_]*)`);
  }
}

export function describeIdentity(placement: Exclude<Placement, { kind: 'unknown' }>): string {
  switch (placement.kind) {
    case 'event':
    case 'fact':
      return `${placement.kind} ${placement.entity}.${placement.name} v${placement.version}`;
    case 'entity':
      return `entity ${placement.entity}`;
    case 'common':
      return `common schema ${placement.name}`;
    case 'envelope':
      return `envelope v${placement.version}`;
  }
}

/** ajv reports a failed anyOf/oneOf as one error per branch plus a summary; keep what a person can act on. */
function dedupeMetaErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === '$dynamicRef') return false;
    const key = `${error.instancePath}|${describeMetaError(error)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeMetaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the schema' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'type') return `${where} must be ${String(params['type']).replace(',', ' or ')} (JSON Schema meta-schema)`;
  if (error.keyword === 'enum') return `${where} must be one of ${JSON.stringify(params['allowedValues'])} (JSON Schema meta-schema)`;
  return `${where} ${error.message ?? 'is invalid'} (JSON Schema meta-schema)`;
}
