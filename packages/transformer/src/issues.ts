// Collects the issues of one record: every one is counted by rule, the first `max` are kept in full.
import { toValidationIssues, type ValidationError, type ValidationIssue } from '@factline/events';
import { failureRules } from './constants.js';
import type { TransformIssue } from './types.js';

/**
 * The issues of one record. A hostile record can hold thousands of bad events, so only the first `max` are kept;
 * the counts stay exact.
 *
 * @example
 * const issues = new IssueCollector(100);
 * issues.add({ index: 0, pointer: '', rule: 'json', message: 'not JSON' });
 */
export class IssueCollector {
  readonly counts: Record<string, number> = {};
  private readonly kept: TransformIssue[] = [];
  private omitted = 0;

  constructor(private readonly max: number) {}

  get size(): number {
    return this.kept.length + this.omitted;
  }

  add(issue: TransformIssue): void {
    this.counts[issue.rule] = (this.counts[issue.rule] ?? 0) + 1;
    if (this.kept.length < this.max) this.kept.push(issue);
    else this.omitted += 1;
  }

  /** Adds validator issues, re-rooted under `base` (e.g. `/payload`) and tagged with the event. */
  addValidation(issues: readonly ValidationIssue[], base: string, event: Pick<TransformIssue, 'index' | 'eventId' | 'fact'>): void {
    for (const issue of issues) {
      this.add({ ...event, pointer: base + issue.pointer, rule: issue.rule, message: rebaseMessage(issue, base) });
    }
  }

  /** Adds a fact validator's errors: the pointer is into the fact value, `fact` names the fact. */
  addFactValidation(fact: string, errors: readonly ValidationError[] | null | undefined, event: { index: number; eventId: string }): void {
    for (const issue of toValidationIssues(errors)) this.add({ ...event, fact, pointer: issue.pointer, rule: issue.rule, message: `${fact} value: ${issue.message}` });
  }

  /** The kept issues, followed by one `more-issues` entry when some were left out. */
  list(): TransformIssue[] {
    if (this.omitted === 0) return this.kept;
    const more = `${this.omitted} more issue(s) not listed; inspectFailedRecord lists them all`;
    return [...this.kept, { pointer: '', rule: failureRules.moreIssues, message: more }];
  }
}

// toValidationIssues writes "<pointer> <what>" (or "the value <what>"); the pointer in the text must match the issue's.
function rebaseMessage(issue: ValidationIssue, base: string): string {
  if (base === '') return issue.message;
  if (issue.pointer === '' && issue.message.startsWith('the value ')) return `${base} ${issue.message.slice('the value '.length)}`;
  if (issue.pointer !== '' && issue.message.startsWith(`${issue.pointer} `)) return base + issue.message;
  return `${base}${issue.pointer}: ${issue.message}`;
}
