// The state of one comparison: where changes go, the policy, the caches that make recursive and repeated
// sub-comparisons cheap, and the guard that ends recursion through `$ref` cycles.
import type { JsonSchema } from '../types.js';
import { changeTypeInfo, type ChangeType } from './change-types.js';
import { CompatibilityError, CompatibilityErrorCode } from './errors.js';
import { CompatibilityPolicy, type SchemaChange } from './model.js';
import type { Cursor } from './schema-side.js';

export type CompareFunction = (context: DiffContext, old: Cursor, next: Cursor, at: string) => void;

export interface Verdict {
  backward: boolean;
  forward: boolean;
  /** The type the same change gets when the schemas are swapped (for the LENIENT policy's forward verdict). */
  forwardType?: ChangeType;
}

interface Shared {
  policy: CompatibilityPolicy;
  compare: CompareFunction;
  steps: number;
  depth: number;
  subsets: WeakMap<object, WeakMap<object, boolean>>;
  inProgress: WeakMap<object, WeakSet<object>>;
}

const maxSteps = 250_000;
const maxDepth = 400;
const trueKey = {};
const falseKey = {};
const keyOf = (node: JsonSchema): object => (node === true ? trueKey : node === false ? falseKey : node);

export class DiffContext {
  readonly changes: SchemaChange[] = [];

  private constructor(
    private readonly shared: Shared,
    /** False inside sub-comparisons that only need the backward verdict: forward checks are skipped. */
    readonly needForward: boolean,
  ) {}

  static start(policy: CompatibilityPolicy, compare: CompareFunction): DiffContext {
    return new DiffContext({ policy, compare, steps: 0, depth: 0, subsets: new WeakMap(), inProgress: new WeakMap() }, true);
  }

  compare(old: Cursor, next: Cursor, at: string): void {
    if (++this.shared.steps > maxSteps) {
      throw new CompatibilityError(CompatibilityErrorCode.tooComplex, `the comparison needed more than ${maxSteps} steps (at "${at}"); the schemas are too large or too recursive to compare`, { at });
    }
    if (++this.shared.depth > maxDepth) {
      throw new CompatibilityError(CompatibilityErrorCode.tooComplex, `the schemas nest more than ${maxDepth} levels deep (at "${at.slice(0, 200)}…")`, { at });
    }
    try {
      this.shared.compare(this, old, next, at);
    } finally {
      this.shared.depth--;
    }
  }

  /** Records a change; the LENIENT policy accepts the changes Confluent's LENIENT accepts. */
  emit(type: ChangeType, pointer: string, verdict: Verdict, message: string): void {
    const lenient = this.shared.policy === CompatibilityPolicy.lenient;
    const backward = verdict.backward || (lenient && changeTypeInfo(type).lenient);
    const forward = verdict.forward || (lenient && verdict.forwardType !== undefined && changeTypeInfo(verdict.forwardType).lenient);
    this.changes.push({ type, pointer, backward, forward, message });
  }

  /** A comparison that shares the caches but collects its own changes. */
  child(needForward = this.needForward): DiffContext {
    return new DiffContext(this.shared, needForward);
  }

  /** Does every value `inner` accepts satisfy `outer`? (no backward-breaking change from `inner` to `outer`) */
  isSubschema(inner: Cursor, outer: Cursor): boolean {
    const a = keyOf(inner.node);
    const b = keyOf(outer.node);
    let row = this.shared.subsets.get(a);
    const known = row?.get(b);
    if (known !== undefined) return known;
    const sub = this.child(false);
    sub.compare(inner, outer, '');
    const result = sub.changes.every((c) => c.backward);
    if (!row) this.shared.subsets.set(a, (row = new WeakMap()));
    row.set(b, result);
    return result;
  }

  /** The first reason `inner` is not within `outer`, for messages. */
  whyNotSubschema(inner: Cursor, outer: Cursor): string | undefined {
    const sub = this.child(false);
    sub.compare(inner, outer, '');
    const first = sub.changes.find((c) => !c.backward);
    return first && `${first.pointer === '' ? '' : `${first.pointer}: `}${first.message}`;
  }

  /** Runs a forward check only when someone needs the forward verdict. */
  forwardCheck(check: () => boolean): boolean {
    return this.needForward ? check() : true;
  }

  /**
   * Runs `body` unless the same pair of nodes is already being compared further up (a `$ref` cycle): the
   * comparison of a recursive schema then assumes the inner occurrence is compatible, as a proof by induction does.
   */
  guard(old: object, next: object, body: () => void): void {
    let seen = this.shared.inProgress.get(old);
    if (seen?.has(next)) return;
    if (!seen) this.shared.inProgress.set(old, (seen = new WeakSet()));
    seen.add(next);
    try {
      body();
    } finally {
      seen.delete(next);
    }
  }
}
