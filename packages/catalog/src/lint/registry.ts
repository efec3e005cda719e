// Every lint rule, in the order their findings read best.
import type { LintRule } from './rule.js';
import { boundsOrder } from './rules/bounds-order.js';
import { enumType } from './rules/enum-type.js';
import { integerBounds } from './rules/integer-bounds.js';
import { keywordTypeMismatch } from './rules/keyword-type-mismatch.js';
import { missingDescription } from './rules/missing-description.js';
import { nestedId } from './rules/nested-id.js';
import { numberPrecision } from './rules/number-precision.js';
import { payloadNotClosed } from './rules/payload-not-closed.js';
import { requiredNotDefined } from './rules/required-not-defined.js';
import { reservedWord } from './rules/reserved-word.js';
import { rootObject } from './rules/root-object.js';
import { snakeCaseCollision } from './rules/snake-case-collision.js';
import { stringMaxLength } from './rules/string-max-length.js';
import { stringMaxLengthRange } from './rules/string-max-length-range.js';
import { unknownFormat } from './rules/unknown-format.js';
import { unsupportedCombinator } from './rules/unsupported-combinator.js';

export const lintRules: readonly LintRule[] = [
  rootObject,
  requiredNotDefined,
  boundsOrder,
  keywordTypeMismatch,
  enumType,
  unknownFormat,
  snakeCaseCollision,
  stringMaxLength,
  stringMaxLengthRange,
  integerBounds,
  numberPrecision,
  payloadNotClosed,
  reservedWord,
  missingDescription,
  nestedId,
  unsupportedCombinator,
];
