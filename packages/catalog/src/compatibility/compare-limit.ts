// One rule for every count limit (lengths, property counts, item counts, contains counts): a reader accepts what a
// writer produced when its upper limit is not lower and its lower limit is not higher. An absent keyword is the
// neutral limit (0, or no maximum), so `minLength: 0` appearing changes nothing.
import { appendPointer } from '../json/pointer.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { consequence } from './messages.js';

type Prefix = 'MAX_LENGTH' | 'MIN_LENGTH' | 'MAX_PROPERTIES' | 'MIN_PROPERTIES' | 'MAX_ITEMS' | 'MIN_ITEMS' | 'MAX_CONTAINS' | 'MIN_CONTAINS';

export interface LimitSpec {
  at: string;
  keyword: string;
  prefix: Prefix;
  upper: boolean;
  old: number | undefined;
  next: number | undefined;
  /** The limit when the keyword is absent. */
  absent: number;
  /** The listed values (enum) of one side all satisfy the other side's limit. */
  oldValuesFit?: (limit: number) => boolean;
  newValuesFit?: (limit: number) => boolean;
}

export function compareLimit(context: DiffContext, spec: LimitSpec): void {
  const before = spec.old ?? spec.absent;
  const after = spec.next ?? spec.absent;
  if (before === after) return;
  const widens = spec.upper ? after > before : after < before;
  const backward = widens || (spec.oldValuesFit?.(after) ?? false);
  const forward = !widens || (spec.newValuesFit?.(before) ?? false);
  const suffix = spec.old === undefined ? 'ADDED' : spec.next === undefined ? 'REMOVED' : after > before ? 'INCREASED' : 'DECREASED';
  const reverse = spec.old === undefined ? 'REMOVED' : spec.next === undefined ? 'ADDED' : after > before ? 'DECREASED' : 'INCREASED';
  const type = `${spec.prefix}_${suffix}` as ChangeType;
  const what =
    spec.old === undefined ? `${spec.keyword} ${spec.next} added` : spec.next === undefined ? `${spec.keyword} ${spec.old} removed` : `${spec.keyword} ${suffix === 'INCREASED' ? 'increased' : 'decreased'} from ${spec.old} to ${spec.next}`;
  context.emit(type, appendPointer(spec.at, spec.keyword), { backward, forward, forwardType: `${spec.prefix}_${reverse}` as ChangeType }, `${what}${consequence({ backward, forward })}`);
}
