// The one entry to the catalog: read schemas/, build the model, run every check, report every problem.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfig, loadProjectConfig } from '../config.js';
import { findingsToProblems, lintSchema } from '../lint/lint-schema.js';
import type { DocumentRole } from '../lint/rule.js';
import { createValueChecker } from '../mapping/value-checker.js';
import { sortProblems, type Problem } from '../problems.js';
import { createAjv, Dialect } from '../schema/dialects.js';
import type { Catalog } from '../types.js';
import { buildModel } from './build-model.js';
import { crossCheck } from './cross-checks.js';
import { discoverSchemaFiles, schemasFolder } from './discover.js';
import { readDocuments } from './read-documents.js';

export interface LoadCatalogResult {
  /** The model, as complete as the schemas allow. Generators must not run when `problems` has errors. */
  catalog: Catalog;
  /** Every problem found, sorted by file and position. */
  problems: Problem[];
}

/**
 * Loads `<root>/schemas` and checks everything: JSON syntax, layout, ids, meta-schema, $refs, lint rules, mappings,
 * and that each schema compiles. Never throws for bad schemas; only for I/O failures.
 *
 * @example
 * const { catalog, problems } = await loadCatalog(process.cwd());
 * if (hasErrors(problems)) console.error(problems.map(formatProblem).join('\n'));
 */
export async function loadCatalog(root: string): Promise<LoadCatalogResult> {
  const problems: Problem[] = [];
  const configResult = await loadProjectConfig(root);
  const config = configResult.ok ? configResult.config : defaultConfig;
  if (!configResult.ok) problems.push(...configResult.problems);

  const schemasRoot = path.join(root, schemasFolder);
  if (!(await exists(schemasRoot))) {
    problems.push({ file: schemasFolder, pointer: '', rule: 'unexpected-file', severity: 'error', message: `there is no ${schemasFolder}/ folder in ${root}; run factline from the project root` });
    return { catalog: { root, config, envelope: undefined, commons: [], entities: [], events: [], facts: [], documents: new Map() }, problems };
  }

  const files = await discoverSchemaFiles(root);
  const { documents: read, parsedFiles } = await readDocuments(files, config, problems);
  const catalog = buildModel(root, config, read, problems);
  crossCheck(catalog, createValueChecker(), problems);

  for (const document of catalog.documents.values()) {
    problems.push(...findingsToProblems(document.file, lintSchema(document.schema, document.kind as DocumentRole, config.lint.rules)));
  }
  problems.push(...compileProblems(catalog, problems));

  for (const problem of problems) {
    if (problem.line !== undefined) continue;
    const position = parsedFiles.get(problem.file)?.positionOf(problem.pointer);
    if (position) Object.assign(problem, position);
  }
  return { catalog, problems: sortProblems(problems) };
}

/** Compiles every schema with all others registered, as the generated validators will; reports what fails. */
function compileProblems(catalog: Catalog, known: readonly Problem[]): Problem[] {
  const alreadyBroken = new Set(known.filter((p) => ['meta-schema', 'ref-unresolved', 'schema-dialect', 'unknown-format'].includes(p.rule)).map((p) => p.file));
  const ajv = createAjv(Dialect.draft2020);
  const problems: Problem[] = [];
  const usable = [...catalog.documents.values()].filter((d) => !alreadyBroken.has(d.file));
  for (const document of usable) {
    try {
      ajv.addSchema(document.schema);
    } catch (error) {
      problems.push({ file: document.file, pointer: '', rule: 'compile', severity: 'error', message: `the schema cannot be registered: ${(error as Error).message}` });
    }
  }
  for (const document of usable) {
    try {
      ajv.getSchema(document.id);
    } catch (error) {
      problems.push({ file: document.file, pointer: '', rule: 'compile', severity: 'error', message: `the schema does not compile into a validator: ${(error as Error).message}` });
    }
  }
  return problems;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
