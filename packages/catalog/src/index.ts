export { loadCatalog, type LoadCatalogResult } from './load/load-catalog.js';
export { configFileName, defaultConfig, loadProjectConfig, resolveConfig, type ConfigResult, type ProjectConfig } from './config.js';
export { countBySeverity, formatProblem, hasErrors, Severity, sortProblems, type Problem } from './problems.js';
export { SchemaKind, versionKey } from './types.js';
export type {
  Catalog,
  DeclaredMappedFact,
  EntityDefinition,
  EntityLifecycle,
  EventDefinition,
  EventMapping,
  FactDefinition,
  JsonSchema,
  JsonSchemaObject,
  MappedFact,
  SchemaDocument,
  ValueSpec,
} from './types.js';
export { deliveryStreamName, deliveryStreamNamePattern, factTableName, factValueKey, namePattern, pascalCase, snakeCase, splitTypeName } from './naming.js';
export { appendPointer, escapePointerToken, getAtPointer, parsePointer, toPointer } from './json/pointer.js';
export { parseJsonText, type ParsedJson, type TextPosition } from './json/parse-json-file.js';
export { collectRefs, dereference, resolveRef, type DocumentLookup, type RefSite } from './schema/refs.js';
export { createAjv, Dialect, dialectOf, factlineKeywords, knownFormats, validateAgainstMetaSchema } from './schema/dialects.js';
export { isSchemaObject, jsonTypeOf, typesOf, walkSchema, type SchemaNodeContext } from './schema/walk.js';
export { lintSchema, type LintFinding, type RuleSeverityOverrides } from './lint/lint-schema.js';
export { lintRules } from './lint/registry.js';
export type { DocumentRole, LintRule } from './lint/rule.js';
export { redshiftReservedWords } from './lint/redshift-reserved-words.js';
export { structuralRules, type StructuralRule } from './structural-rules.js';
export { lintGenericSchema, type GenericLintResult } from './generic/lint-generic-schema.js';
export { findProjectRoot } from './project-root.js';
export { pointersProvingFact, provenByPayload } from './mapping/proven-by-payload.js';
export * from './compatibility/index.js';
