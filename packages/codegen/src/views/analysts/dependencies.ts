// Dependencies between the analysts' views: references found in the query, checked against what is declared, and
// the deployment order (every view after what it reads), with cycles reported.
import { stripLiterals } from './header.js';
import type { AnalystView, ViewIssue } from './types.js';

/**
 * The `<schema>.<name>` references of a query, lower case, outside strings, quoted identifiers and comments.
 *
 * @example
 * referencedNames('select * from factline.booking_current b', 'factline'); // ['factline.booking_current']
 */
export function referencedNames(sql: string, schema: string): string[] {
  const pattern = new RegExp(`(?<![A-Za-z0-9_$."])${schema.replace(/[^A-Za-z0-9_]/g, '\\$&')}\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_$]*)`, 'gi');
  return [...new Set([...stripLiterals(sql).matchAll(pattern)].map((m) => `${schema}.${m[1]!}`.toLowerCase()))].sort();
}

/**
 * Checks each view's declared dependencies against the known objects (generated views, fact tables) and the other
 * views, and against what its query references.
 *
 * @example
 * const issues = checkDependencies(views, 'factline', new Set(['factline.booking_current']));
 */
export function checkDependencies(views: readonly AnalystView[], schema: string, known: ReadonlySet<string> | undefined): ViewIssue[] {
  const issues: ViewIssue[] = [];
  const own = new Set(views.map((v) => `${schema}.${v.name}`));
  const exists = (name: string) => own.has(name) || known === undefined || known.has(name);
  for (const view of views) {
    for (const dependency of view.dependsOn.filter((d) => !exists(d))) {
      issues.push({ file: view.file, line: 0, rule: 'views-unknown-dependency', severity: 'error', message: `depends_on names ${dependency}, which is neither a generated view, a fact table nor a view of the folder` });
    }
    for (const name of referencedNames(view.sql, schema).filter((n) => !view.dependsOn.includes(n) && (own.has(n) || known?.has(n) === true))) {
      issues.push({ file: view.file, line: view.sqlLine, rule: 'views-undeclared-dependency', severity: 'error', message: `the query reads ${name}; declare it: "-- depends_on: ${[...view.dependsOn, name].join(', ')}"` });
    }
    if (view.dependsOn.includes(`${schema}.${view.name}`)) {
      issues.push({ file: view.file, line: 0, rule: 'views-dependency-cycle', severity: 'error', message: `${view.name} depends on itself` });
    }
  }
  return issues;
}

/**
 * The views in deployment order (dependencies first, otherwise by name), and an issue per view caught in a cycle.
 *
 * @example
 * const { ordered, issues } = orderViews(views, 'factline');
 */
export function orderViews(views: readonly AnalystView[], schema: string): { ordered: AnalystView[]; issues: ViewIssue[] } {
  const byName = new Map(views.map((v) => [`${schema}.${v.name}`, v]));
  const waiting = new Map(views.map((v) => [v.name, new Set(v.dependsOn.filter((d) => byName.has(d) && d !== `${schema}.${v.name}`))]));
  const ordered: AnalystView[] = [];
  for (;;) {
    const ready = [...waiting].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      waiting.delete(name);
      ordered.push(byName.get(`${schema}.${name}`)!);
      for (const deps of waiting.values()) deps.delete(`${schema}.${name}`);
    }
  }
  const issues = [...waiting.keys()].sort().map((name): ViewIssue => {
    const view = byName.get(`${schema}.${name}`)!;
    return { file: view.file, line: 0, rule: 'views-dependency-cycle', severity: 'error', message: `${name} is part of a dependency cycle (${[...waiting.keys()].sort().join(', ')}); a view cannot read itself, directly or not` };
  });
  return { ordered, issues };
}
