// Integers sized from both bounds, and exact decimals from multipleOf: the numeric half of the type mapping.
import type { JsonSchemaObject } from '@factline/catalog';
import { redshiftLimits } from './constants.js';
import type { LogicalType } from './types.js';

const int16 = { min: -32768, max: 32767 } as const;
const int32 = { min: -2147483648, max: 2147483647 } as const;
// As a double, 2^63 - 1 rounds to 2^63: no bound a JSON number can state lies between the two.
const int64 = { min: -(2 ** 63), max: 2 ** 63 - 1 } as const;

export interface NumericBounds {
  lower: number | undefined;
  upper: number | undefined;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The numeric values an `enum`/`const` allows, or undefined when it has none or any of another type. */
export function numericValues(node: JsonSchemaObject): number[] | undefined {
  const values = 'const' in node ? [node['const']] : Array.isArray(node['enum']) ? (node['enum'] as unknown[]) : undefined;
  if (values === undefined) return undefined;
  const present = values.filter((v) => v !== null);
  return present.length > 0 && present.every(finite) ? present : undefined;
}

/**
 * The bounds a schema states, as given (draft 2020-12 numeric `exclusive*`, and draft-04 boolean `exclusive*` with
 * `minimum`/`maximum`). For integers, `integral` rounds them inward to the first and last allowed integer.
 */
export function boundsOf(node: JsonSchemaObject, integral: boolean): NumericBounds {
  const values = numericValues(node);
  if (values) return { lower: Math.min(...values), upper: Math.max(...values) };
  const lowers: number[] = [];
  const uppers: number[] = [];
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = node;
  if (finite(minimum)) {
    if (exclusiveMinimum === true) lowers.push(integral ? Math.floor(minimum) + 1 : minimum);
    else lowers.push(integral ? Math.ceil(minimum) : minimum);
  }
  if (finite(exclusiveMinimum)) lowers.push(integral ? Math.floor(exclusiveMinimum) + 1 : exclusiveMinimum);
  if (finite(maximum)) {
    if (exclusiveMaximum === true) uppers.push(integral ? Math.ceil(maximum) - 1 : maximum);
    else uppers.push(integral ? Math.floor(maximum) : maximum);
  }
  if (finite(exclusiveMaximum)) uppers.push(integral ? Math.ceil(exclusiveMaximum) - 1 : exclusiveMaximum);
  return { lower: lowers.length ? Math.max(...lowers) : undefined, upper: uppers.length ? Math.min(...uppers) : undefined };
}

/** Number of digits of the integer part of |value| (at least 1). */
export function integerDigits(value: number): number {
  return BigInt(Math.floor(Math.abs(value))).toString().length;
}

/**
 * The smallest integer type that holds every value from `lower` to `upper`. A missing bound is unbounded, which
 * needs BIGINT; a bound beyond BIGINT needs DECIMAL(p, 0), and beyond 38 digits only DOUBLE PRECISION remains.
 */
export function integerType({ lower, upper }: NumericBounds): LogicalType {
  const lo = lower ?? -Infinity;
  const hi = upper ?? Infinity;
  if (lo >= int16.min && hi <= int16.max) return { kind: 'smallint' };
  if (lo >= int32.min && hi <= int32.max) return { kind: 'integer' };
  const beyondBigint = (lower !== undefined && lower < int64.min) || (upper !== undefined && upper > int64.max);
  if (!beyondBigint) return { kind: 'bigint' };
  const digits = Math.max(lower === undefined ? 0 : integerDigits(lower), upper === undefined ? 0 : integerDigits(upper));
  return digits <= redshiftLimits.decimalMaxPrecision && lower !== undefined && upper !== undefined ? { kind: 'decimal', precision: digits, scale: 0 } : { kind: 'double' };
}

/** Decimal places of a number written in the shortest form (`0.01` → 2, `2.5e-8` → 9, `5` → 0). */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponentText] = String(Math.abs(value)).toLowerCase().split('e');
  const fraction = mantissa.includes('.') ? mantissa.slice(mantissa.indexOf('.') + 1).length : 0;
  return Math.max(0, fraction - Number(exponentText ?? 0));
}

/**
 * An exact DECIMAL(p, s) for values with at most `scale` decimal places within the bounds, or DOUBLE PRECISION when
 * no such DECIMAL exists (more than 38 digits).
 */
export function decimalType(bounds: NumericBounds, scale: number): LogicalType {
  if (scale === 0) return integerType({ lower: bounds.lower === undefined ? undefined : Math.ceil(bounds.lower), upper: bounds.upper === undefined ? undefined : Math.floor(bounds.upper) });
  const known = bounds.lower !== undefined && bounds.upper !== undefined;
  const digits = known ? Math.max(integerDigits(bounds.lower!), integerDigits(bounds.upper!)) : redshiftLimits.decimalMaxPrecision - scale;
  const precision = digits + scale;
  if (scale >= redshiftLimits.decimalMaxPrecision || precision > redshiftLimits.decimalMaxPrecision) return { kind: 'double' };
  return { kind: 'decimal', precision, scale };
}

/** The column type of an `integer` node. */
export function integerNodeType(node: JsonSchemaObject): LogicalType {
  return integerType(boundsOf(node, true));
}

/**
 * The column type of a `number` node: exact when `multipleOf` (or every enum value) fixes the decimal places,
 * DOUBLE PRECISION otherwise.
 */
export function numberNodeType(node: JsonSchemaObject): LogicalType {
  const values = numericValues(node);
  if (values) return decimalType(boundsOf(node, false), Math.max(...values.map(decimalPlaces)));
  const step = node['multipleOf'];
  if (!finite(step) || step <= 0) return { kind: 'double' };
  return decimalType(boundsOf(node, false), decimalPlaces(step));
}
