// A problem is what factline tells a person about a schema: where (file, JSON Pointer, line), which rule,
// how bad, and what to do. Every check in the catalog returns problems; none throws on bad input.

export const Severity = { error: 'error', warning: 'warning', info: 'info' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export interface Problem {
  /** Path of the file relative to the project root (POSIX separators). */
  file: string;
  /** JSON Pointer into the file's document ('' for the whole document). */
  pointer: string;
  /** Stable rule id, e.g. `string-max-length`. */
  rule: string;
  severity: Severity;
  /** What is wrong and what to do, in one or two sentences. */
  message: string;
  line?: number;
  column?: number;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts problems by file, then position, then rule, so output is stable and reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.pointer.localeCompare(b.pointer) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/** `schemas/x.json:12:5  error  rule-id  /pointer  message` */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const pointer = p.pointer === '' ? '(root)' : p.pointer;
  return `${where}  ${p.severity}  ${p.rule}  ${pointer}\n    ${p.message}`;
}
