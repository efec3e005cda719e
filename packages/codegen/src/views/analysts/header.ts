// The header of a view file: the comment block it starts with. Plain lines describe the view; `depends_on:` and
// `test <kind>:` lines declare what it reads and how it is tested. The rest of the file is the query.
import type { ViewIssue, ViewTestSpec } from './types.js';

/** What a header declares, and where the query starts. */
export interface ParsedHeader {
  description: string;
  dependsOn: string[];
  tests: ViewTestSpec[];
  sql: string;
  sqlLine: number;
  issues: ViewIssue[];
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const qualified = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
/** The kinds of `-- test <kind>:` lines, with the form of their arguments. */
export const testForms = {
  not_null: 'not_null: <column>[, <column>…]',
  unique: 'unique: <column>[, <column>…] (the combination is unique)',
  accepted_values: "accepted_values: <column> in ('<value>'[, '<value>'…])",
  relationships: 'relationships: <column> -> <schema>.<view>(<column>)',
  expression_is_true: 'expression_is_true: <SQL condition every row meets>',
} as const;

function columnList(text: string): string[] | undefined {
  const columns = text.split(',').map((c) => c.trim());
  return columns.length > 0 && columns.every((c) => identifier.test(c)) ? columns.map((c) => c.toLowerCase()) : undefined;
}

function parseTest(kind: string, args: string, line: number): ViewTestSpec | string {
  const form = (testForms as Record<string, string>)[kind];
  if (form === undefined) return `unknown test "${kind}"; the tests are ${Object.keys(testForms).join(', ')}`;
  const bad = `write it as "-- test ${form}"`;
  if (kind === 'not_null' || kind === 'unique') {
    const columns = columnList(args);
    return columns === undefined ? bad : { kind, columns, line };
  }
  if (kind === 'accepted_values') {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s+in\s*\((.+)\)$/i.exec(args);
    return match === null ? bad : { kind, column: match[1]!.toLowerCase(), values: match[2]!.trim(), line };
  }
  if (kind === 'relationships') {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*->\s*([A-Za-z0-9_.]+)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)$/.exec(args);
    if (match === null || !qualified.test(match[2]!)) return bad;
    return { kind, column: match[1]!.toLowerCase(), to: match[2]!.toLowerCase(), field: match[3]!.toLowerCase(), line };
  }
  return args === '' ? bad : { kind: 'expression_is_true', expression: args, line };
}

/**
 * Splits a view file into its header declarations and its query.
 *
 * @example
 * const header = parseViewHeader('views/occupancy.sql', text);
 * if (header.issues.length === 0) console.log(header.dependsOn, header.tests);
 */
export function parseViewHeader(file: string, text: string): ParsedHeader {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const description: string[] = [];
  const dependsOn: string[] = [];
  const tests: ViewTestSpec[] = [];
  const issues: ViewIssue[] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const raw = lines[index]!.trim();
    if (raw === '') continue;
    if (!raw.startsWith('--')) break;
    const content = raw.slice(2).trim();
    const line = index + 1;
    const depends = /^depends_on\s*:(.*)$/.exec(content);
    const test = /^test\s+([a-z_]+)\s*:(.*)$/.exec(content);
    if (depends !== null) {
      for (const name of depends[1]!.split(',').map((n) => n.trim()).filter((n) => n !== '')) {
        if (qualified.test(name)) dependsOn.push(name.toLowerCase());
        else issues.push({ file, line, rule: 'views-depends-on', severity: 'error', message: `"${name}" is not a schema-qualified name; write "-- depends_on: factline.booking_current, …"` });
      }
    } else if (test !== null) {
      const parsed = parseTest(test[1]!, test[2]!.trim(), line);
      if (typeof parsed === 'string') issues.push({ file, line, rule: 'views-test', severity: 'error', message: parsed });
      else tests.push(parsed);
    } else if (/^test\b/.test(content)) {
      issues.push({ file, line, rule: 'views-test', severity: 'error', message: 'a test line is "-- test <kind>: <arguments>"' });
    } else description.push(content);
  }
  const sql = lines.slice(index).join('\n').trim().replace(/;\s*$/, '').trimEnd();
  if (sql === '') issues.push({ file, line: 0, rule: 'views-empty', severity: 'error', message: 'the file has no query after its header' });
  else if (/;\s*\S/.test(stripLiterals(sql))) issues.push({ file, line: index + 1, rule: 'views-one-statement', severity: 'error', message: 'a view file holds one query; remove the extra statements' });
  return { description: description.join(' ').trim(), dependsOn: [...new Set(dependsOn)], tests, sql, sqlLine: index + 1, issues };
}

/** The SQL with string literals, quoted identifiers and comments blanked out, positions kept. */
export function stripLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (match) => match.replace(/[^\n]/g, ' '));
}
