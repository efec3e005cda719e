// Generic mode: lint a JSON Schema that is not part of a factline catalog (bring your own, e.g. Iglu Central).
// Same reader, $ref resolution and rules, with the dialect taken from the file's own "$schema".
import { appendPointer } from '../json/pointer.js';
import { parseJsonText } from '../json/parse-json-file.js';
import { findingsToProblems, lintSchema, type RuleSeverityOverrides } from '../lint/lint-schema.js';
import { sortProblems, type Problem } from '../problems.js';
import { collectRefs, dereference, documentIdOf, resolveRef } from '../schema/refs.js';
import { Dialect, dialectOf, validateAgainstMetaSchema } from '../schema/dialects.js';
import { isSchemaObject } from '../schema/walk.js';
import type { JsonSchemaObject } from '../types.js';

export interface GenericLintResult {
  /** The parsed schema, when the text parsed to an object. */
  schema: JsonSchemaObject | undefined;
  /** The schema with its internal `$ref`s inlined. */
  resolved: JsonSchemaObject | undefined;
  problems: Problem[];
}

/**
 * Lints one schema file's text. Never throws on bad input: everything wrong is a problem.
 *
 * @example
 * const { problems } = lintGenericSchema(await readFile(file, 'utf8'), file);
 */
export function lintGenericSchema(text: string, file: string, overrides: RuleSeverityOverrides = {}): GenericLintResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return { schema: undefined, resolved: undefined, problems: [{ file, pointer: '', rule: 'invalid-json', severity: 'error', message: parsed.message, ...parsed.position }] };
  }
  const schema = parsed.json.value;
  if (!isSchemaObject(schema)) {
    return { schema: undefined, resolved: undefined, problems: [{ file, pointer: '', rule: 'meta-schema', severity: 'error', message: 'a schema file must hold a JSON object' }] };
  }
  const problems: Problem[] = [];
  const dialect = dialectOf(schema['$schema']);
  if (dialect === undefined) {
    problems.push({ file, pointer: '/$schema', rule: 'schema-dialect', severity: 'warning', message: `unknown "$schema" ${JSON.stringify(schema['$schema'])}; read as draft 2020-12` });
  }
  for (const error of validateAgainstMetaSchema(schema, dialect ?? Dialect.draft2020)) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    problems.push({ file, pointer: error.instancePath, rule: 'meta-schema', severity: 'error', message: `${error.instancePath || 'the schema'} ${error.message ?? 'is invalid'} (JSON Schema meta-schema)` });
  }

  const draft04 = dialect === Dialect.draft04;
  const ownId = typeof schema['$id'] === 'string' ? schema['$id'] : draft04 && typeof schema['id'] === 'string' ? schema['id'] : '';
  const base = documentIdOf(ownId);
  const lookup = (id: string) => (id === base || id === '' ? schema : undefined);
  for (const site of collectRefs(schema, base, { draft04Ids: draft04 })) {
    const resolved = resolveRef(site.ref, site.base, lookup);
    if (!resolved.ok) problems.push({ file, pointer: appendPointer(site.pointer, '$ref'), rule: 'ref-unresolved', severity: 'warning', message: `$ref "${site.ref}" is not followed: ${resolved.message}` });
  }
  let resolved: JsonSchemaObject | undefined;
  try {
    const result = dereference(schema, base, lookup);
    resolved = typeof result === 'boolean' ? {} : result;
  } catch (error) {
    problems.push({ file, pointer: '', rule: 'ref-unresolved', severity: 'error', message: `$refs could not be resolved: ${(error as Error).message}` });
  }

  problems.push(...findingsToProblems(file, lintSchema(schema, 'generic', overrides)));
  for (const problem of problems) Object.assign(problem, parsed.json.positionOf(problem.pointer) ?? {});
  return { schema, resolved, problems: sortProblems(problems) };
}
