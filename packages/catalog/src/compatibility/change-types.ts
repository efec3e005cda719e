// Every kind of change the checker reports. Names follow Confluent Schema Registry's `Difference.Type` wherever one
// fits, so that external suites can be compared; the few factline adds say so. `backward` is what the change
// usually means for a reader with the new schema reading data written with the old one. A single change can be
// judged differently (an added `maxLength` that every value of the old `enum` already satisfies is compatible), so
// the verdict on each reported change is what counts, not this table.

/**
 * What a change is about: annotations never change what validates; extensions change what factline generates;
 * validation changes change which values are valid.
 *
 * @example
 * changeTypeInfo('TITLE_CHANGED').category === ChangeCategory.annotation
 */
export const ChangeCategory = { annotation: 'annotation', extension: 'extension', validation: 'validation' } as const;
export type ChangeCategory = (typeof ChangeCategory)[keyof typeof ChangeCategory];

interface TypeInfo {
  /** Usually compatible for BACKWARD (STRICT policy). */
  backward: boolean;
  /** Also compatible under Confluent's LENIENT policy (producers never send undeclared properties). */
  lenient?: true;
  category?: ChangeCategory;
  /** What to do when this change breaks BACKWARD compatibility. */
  advice?: string;
}

const newVersion = 'or publish the change as a new version (v<N+1>) next to this one, which the transformer reads side by side';
const keepBound = `Keep the old limit, ${newVersion}.`;
const keepProperty = `Keep the property in the schema (stop sending it and mark it "deprecated": true), ${newVersion}.`;
const optional = `Add the property as optional (leave it out of "required"), ${newVersion}.`;
const newProperty = `Add a new property with the new shape and deprecate the old one, ${newVersion}.`;
const unsupported = `factline cannot prove this change safe; keep this part of the schema unchanged, ${newVersion}.`;

const annotation = { backward: true, category: 'annotation' } as const;
const ok = { backward: true } as const;
const narrowing = { backward: false, advice: keepBound } as const;

const table = {
  ID_CHANGED: annotation,
  TITLE_CHANGED: annotation,
  DESCRIPTION_CHANGED: annotation,
  DEFAULT_CHANGED: annotation,
  /** factline: another annotation keyword ($comment, examples, deprecated, $schema, an unknown keyword) changed. */
  ANNOTATION_CHANGED: annotation,
  /** factline: an `x-factline-*` keyword changed (mapping, entity lifecycle, references): generated code changes. */
  FACTLINE_EXTENSION_CHANGED: { backward: true, category: 'extension' },

  SCHEMA_ADDED: { backward: false, advice: keepBound },
  SCHEMA_REMOVED: ok,
  TYPE_EXTENDED: ok,
  TYPE_NARROWED: { backward: false, advice: newProperty },
  TYPE_CHANGED: { backward: false, advice: newProperty },

  MAX_LENGTH_ADDED: narrowing,
  MAX_LENGTH_REMOVED: ok,
  MAX_LENGTH_INCREASED: ok,
  MAX_LENGTH_DECREASED: narrowing,
  MIN_LENGTH_ADDED: narrowing,
  MIN_LENGTH_REMOVED: ok,
  MIN_LENGTH_INCREASED: narrowing,
  MIN_LENGTH_DECREASED: ok,
  PATTERN_ADDED: narrowing,
  PATTERN_REMOVED: ok,
  PATTERN_CHANGED: narrowing,
  /** factline: `format` is enforced by factline's validators. */
  FORMAT_ADDED: narrowing,
  FORMAT_REMOVED: ok,
  FORMAT_CHANGED: narrowing,
  CONTENT_ENCODING_ADDED: narrowing,
  CONTENT_ENCODING_REMOVED: ok,
  CONTENT_ENCODING_CHANGED: narrowing,
  CONTENT_MEDIA_TYPE_ADDED: narrowing,
  CONTENT_MEDIA_TYPE_REMOVED: ok,
  CONTENT_MEDIA_TYPE_CHANGED: narrowing,

  MAXIMUM_ADDED: narrowing,
  MAXIMUM_REMOVED: ok,
  MAXIMUM_INCREASED: ok,
  MAXIMUM_DECREASED: narrowing,
  MINIMUM_ADDED: narrowing,
  MINIMUM_REMOVED: ok,
  MINIMUM_INCREASED: narrowing,
  MINIMUM_DECREASED: ok,
  EXCLUSIVE_MAXIMUM_ADDED: narrowing,
  EXCLUSIVE_MAXIMUM_REMOVED: ok,
  EXCLUSIVE_MAXIMUM_INCREASED: ok,
  EXCLUSIVE_MAXIMUM_DECREASED: narrowing,
  EXCLUSIVE_MINIMUM_ADDED: narrowing,
  EXCLUSIVE_MINIMUM_REMOVED: ok,
  EXCLUSIVE_MINIMUM_INCREASED: narrowing,
  EXCLUSIVE_MINIMUM_DECREASED: ok,
  MULTIPLE_OF_ADDED: narrowing,
  MULTIPLE_OF_REMOVED: ok,
  MULTIPLE_OF_REDUCED: ok,
  MULTIPLE_OF_EXPANDED: narrowing,
  MULTIPLE_OF_CHANGED: narrowing,

  REQUIRED_ATTRIBUTE_ADDED: { backward: false, advice: optional },
  /** Deviates from Confluent: factline's validators do not fill in defaults, so old data without it is rejected. */
  REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED: { backward: false, advice: optional },
  REQUIRED_ATTRIBUTE_REMOVED: ok,
  MAX_PROPERTIES_ADDED: narrowing,
  MAX_PROPERTIES_REMOVED: ok,
  MAX_PROPERTIES_INCREASED: ok,
  MAX_PROPERTIES_DECREASED: narrowing,
  MIN_PROPERTIES_ADDED: narrowing,
  MIN_PROPERTIES_REMOVED: ok,
  MIN_PROPERTIES_INCREASED: narrowing,
  MIN_PROPERTIES_DECREASED: ok,
  ADDITIONAL_PROPERTIES_ADDED: ok,
  ADDITIONAL_PROPERTIES_REMOVED: { backward: false, lenient: true, advice: keepBound },
  ADDITIONAL_PROPERTIES_NARROWED: { backward: false, lenient: true, advice: keepBound },
  ADDITIONAL_PROPERTIES_EXTENDED: ok,
  UNEVALUATED_PROPERTIES_ADDED: ok,
  UNEVALUATED_PROPERTIES_REMOVED: { backward: false, lenient: true, advice: keepBound },
  UNEVALUATED_PROPERTIES_NARROWED: { backward: false, lenient: true, advice: keepBound },
  UNEVALUATED_PROPERTIES_EXTENDED: ok,
  DEPENDENCY_ARRAY_ADDED: narrowing,
  DEPENDENCY_ARRAY_REMOVED: ok,
  DEPENDENCY_ARRAY_EXTENDED: narrowing,
  DEPENDENCY_ARRAY_NARROWED: ok,
  DEPENDENCY_ARRAY_CHANGED: narrowing,
  DEPENDENCY_SCHEMA_ADDED: narrowing,
  DEPENDENCY_SCHEMA_REMOVED: ok,

  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: { backward: false, lenient: true, advice: `Close the object ("additionalProperties": false) in a new version first, ${newVersion}.` },
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: { backward: false, advice: optional },
  /** Deviates from Confluent (compatible under LENIENT there): factline's validators do not fill in defaults. */
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL: { backward: false, advice: optional },
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: ok,
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: { backward: false, advice: optional },
  /** Deviates from Confluent (compatible there): factline's validators do not fill in defaults. */
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL: { backward: false, advice: optional },
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: ok,
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL: ok,
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: ok,
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: { backward: false, lenient: true, advice: keepProperty },
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok,
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: { backward: false, lenient: true, advice: newProperty },
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok,
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: { backward: false, lenient: true, advice: keepProperty },
  /** factline: a `patternProperties` entry appeared; judged against what governed those names before. */
  PATTERN_PROPERTY_ADDED: narrowing,
  /** factline: a `patternProperties` entry disappeared; judged against what governs those names now. */
  PATTERN_PROPERTY_REMOVED: ok,

  MAX_ITEMS_ADDED: narrowing,
  MAX_ITEMS_REMOVED: ok,
  MAX_ITEMS_INCREASED: ok,
  MAX_ITEMS_DECREASED: narrowing,
  MIN_ITEMS_ADDED: narrowing,
  MIN_ITEMS_REMOVED: ok,
  MIN_ITEMS_INCREASED: narrowing,
  MIN_ITEMS_DECREASED: ok,
  MAX_CONTAINS_ADDED: narrowing,
  MAX_CONTAINS_REMOVED: ok,
  MAX_CONTAINS_INCREASED: ok,
  MAX_CONTAINS_DECREASED: narrowing,
  MIN_CONTAINS_ADDED: narrowing,
  MIN_CONTAINS_REMOVED: ok,
  MIN_CONTAINS_INCREASED: narrowing,
  MIN_CONTAINS_DECREASED: ok,
  UNIQUE_ITEMS_ADDED: narrowing,
  UNIQUE_ITEMS_REMOVED: ok,
  ADDITIONAL_ITEMS_ADDED: ok,
  ADDITIONAL_ITEMS_REMOVED: narrowing,
  ADDITIONAL_ITEMS_NARROWED: narrowing,
  ADDITIONAL_ITEMS_EXTENDED: ok,
  UNEVALUATED_ITEMS_ADDED: ok,
  UNEVALUATED_ITEMS_REMOVED: narrowing,
  UNEVALUATED_ITEMS_NARROWED: narrowing,
  UNEVALUATED_ITEMS_EXTENDED: ok,
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL: narrowing,
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: ok,
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL: ok,
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL: ok,
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: ok,
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL: narrowing,
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok,
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: narrowing,
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: ok,
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: narrowing,

  ENUM_ARRAY_EXTENDED: ok,
  ENUM_ARRAY_NARROWED: { backward: false, advice: `Keep every old value in the enum, ${newVersion}.` },
  ENUM_ARRAY_CHANGED: { backward: false, advice: `Keep every old value in the enum, ${newVersion}.` },
  /** factline: an `enum`/`const` appeared where any value of the type was allowed. */
  ENUM_ARRAY_ADDED: { backward: false, advice: keepBound },
  /** factline: the `enum`/`const` was removed: any value of the type is allowed now. */
  ENUM_ARRAY_REMOVED: ok,

  COMBINED_TYPE_EXTENDED: ok,
  COMBINED_TYPE_CHANGED: { backward: false, advice: unsupported },
  COMBINED_TYPE_SUBSCHEMAS_CHANGED: { backward: false, advice: unsupported },
  SUM_TYPE_EXTENDED: ok,
  SUM_TYPE_NARROWED: { backward: false, advice: `Keep every old alternative, ${newVersion}.` },
  PRODUCT_TYPE_EXTENDED: { backward: false, advice: keepBound },
  PRODUCT_TYPE_NARROWED: ok,
  NOT_TYPE_NARROWED: ok,
  NOT_TYPE_EXTENDED: { backward: false, advice: keepBound },
  /** factline: the `if` of an if/then/else changed, so values may now take the other branch. */
  IF_SCHEMA_CHANGED: { backward: false, advice: unsupported },
  /** factline: an if/then/else appeared. */
  CONDITIONAL_ADDED: { backward: false, advice: keepBound },
  /** factline: an if/then/else disappeared. */
  CONDITIONAL_REMOVED: ok,

  /** factline: a `$ref` that does not resolve; never compatible. */
  UNRESOLVED_REFERENCE: { backward: false, advice: 'Make the reference resolve (pass a `lookup` that finds the referenced document).' },
  /** factline: a keyword the checker does not reason about changed ($dynamicRef, unevaluated* beside combinators…). */
  UNSUPPORTED_KEYWORD: { backward: false, advice: unsupported },
} as const satisfies Record<string, TypeInfo>;

export type ChangeType = keyof typeof table;

/** Every change type as a constant: `ChangeType.MAX_LENGTH_DECREASED === 'MAX_LENGTH_DECREASED'`. */
export const ChangeType = Object.fromEntries(Object.keys(table).map((name) => [name, name])) as { readonly [K in ChangeType]: K };

/** Advice for any change that breaks FORWARD compatibility: readers on the old schema reject the new values. */
const forwardAdvice = 'Readers on the old schema reject the new values: deploy every reader (the transformer, consumers of the raw events) with the new schema before any producer sends them, or publish a new version.';

/**
 * What to do about a change that breaks compatibility in a direction.
 *
 * @example
 * adviceFor('MAX_LENGTH_DECREASED', 'backward') // 'Keep the old limit, or publish the change as a new version …'
 */
export function adviceFor(type: ChangeType, direction: 'backward' | 'forward'): string {
  const advice: string | undefined = changeTypeInfo(type).advice;
  // Some changes cannot be judged at all; their advice holds in both directions.
  if (advice !== undefined && (advice === unsupported || type === 'UNRESOLVED_REFERENCE')) return advice;
  return direction === 'forward' ? forwardAdvice : (advice ?? keepBound);
}

/** What `changeTypeInfo` returns. @example const { backward, advice } = changeTypeInfo('TYPE_CHANGED'); */
export interface ChangeTypeInfo {
  type: ChangeType;
  backward: boolean;
  lenient: boolean;
  category: ChangeCategory;
  advice: string | undefined;
}

/**
 * What a change type usually means, for documentation and tooling: its usual BACKWARD verdict (STRICT), whether
 * Confluent's LENIENT policy accepts it, its category, and the advice given when it breaks a mode.
 *
 * @example
 * changeTypeInfo('MAX_LENGTH_DECREASED').backward // false
 * changeTypeInfo('DESCRIPTION_CHANGED').category  // 'annotation'
 */
export function changeTypeInfo(type: ChangeType): ChangeTypeInfo {
  const info: TypeInfo = table[type];
  return { type, backward: info.backward, lenient: info.lenient === true, category: info.category ?? ChangeCategory.validation, advice: info.advice };
}

/** Every change type, in table order. @example changeTypes().length // > 100 */
export function changeTypes(): ChangeType[] {
  return Object.keys(table) as ChangeType[];
}
