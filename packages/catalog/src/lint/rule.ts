// What a lint rule is. Each rule lives in its own file under rules/, with its rationale next to its code.
import type { Severity } from '../problems.js';
import type { SchemaNodeContext } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';

/** What a document is for: factline's kinds, or `generic` for a schema brought from elsewhere. */
export type DocumentRole = 'envelope' | 'common' | 'entity' | 'event' | 'fact' | 'generic';

export interface RuleContext {
  node: SchemaNodeContext;
  role: DocumentRole;
  /** The whole document, for rules that need to look around. */
  document: JsonSchemaObject;
  /** Reports a finding at this node, or at a pointer below it. */
  report(message: string, pointer?: string): void;
}

export interface LintRule {
  id: string;
  severity: Severity;
  /** Whether `lint.rules` in factline.config.json may lower or turn off the rule. */
  configurable: boolean;
  appliesTo: readonly DocumentRole[];
  /** One line: what the rule wants. */
  summary: string;
  /** One paragraph: why factline wants it. Printed in docs/rules.md. */
  rationale: string;
  check(node: JsonSchema, context: RuleContext): void;
}

export const allRoles: readonly DocumentRole[] = ['envelope', 'common', 'entity', 'event', 'fact', 'generic'];
export const factlineRoles: readonly DocumentRole[] = ['envelope', 'common', 'entity', 'event', 'fact'];
