// Runs the lint rules over one schema document.
import type { Problem, Severity } from '../problems.js';
import { walkSchema } from '../schema/walk.js';
import type { JsonSchemaObject } from '../types.js';
import { lintRules } from './registry.js';
import type { DocumentRole } from './rule.js';

export interface LintFinding {
  pointer: string;
  rule: string;
  severity: Severity;
  message: string;
}

export type RuleSeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/** Lints a document in a role. Never throws on odd input: a rule that fails is itself reported. */
export function lintSchema(document: JsonSchemaObject, role: DocumentRole, overrides: RuleSeverityOverrides = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const rules = lintRules.filter((rule) => rule.appliesTo.includes(role));
  walkSchema(document, (node, nodeContext) => {
    for (const rule of rules) {
      const override = rule.configurable ? overrides[rule.id] : undefined;
      if (override === 'off') continue;
      const severity = override ?? rule.severity;
      try {
        rule.check(node, {
          node: nodeContext,
          role,
          document,
          report: (message, pointer) => findings.push({ pointer: pointer ?? nodeContext.pointer, rule: rule.id, severity, message }),
        });
      } catch (error) {
        findings.push({ pointer: nodeContext.pointer, rule: 'internal', severity: 'error', message: `lint rule ${rule.id} failed on this node: ${(error as Error).message}` });
      }
    }
  });
  return findings;
}

/** Turns findings in a file into problems (without positions; the caller adds them). */
export function findingsToProblems(file: string, findings: readonly LintFinding[]): Problem[] {
  return findings.map((f) => ({ file, pointer: f.pointer, rule: f.rule, severity: f.severity, message: f.message }));
}
