export { createProgram, runCli, type ProgramOptions } from './program.js';
export { CliExit, processIo, type CliIo } from './io.js';
export { runCheck, type CatalogCheck, type CheckOptions } from './commands/check.js';
export { runGenerate, type GenerateCommandOptions } from './commands/generate.js';
export { runDdl, type DdlOptions } from './commands/ddl.js';
export { defaultChecks, warehouseCheck } from './checks.js';
