export { generateAll, generateFromCatalog, findStaleFiles, writeGeneratedFiles, type GenerateOptions, type GenerateResult, type StaleFile, type WriteResult } from './generate-all.js';
export { generators } from './registry.js';
export type { GeneratedFile, Generator, GeneratorContext } from './generator.js';
export { CodegenError, CodegenErrorCode } from './errors.js';
export { headerLines, markdownHeader, regenerateCommand, sqlHeader, tsHeader } from './header.js';
export { describeSchema } from './docs/describe-schema.js';
