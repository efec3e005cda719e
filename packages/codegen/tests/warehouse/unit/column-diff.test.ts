// What happens to a column whose definition changes: kept, widened in place, or refused with the reason.
import { describe, expect, it } from 'vitest';
import { compareColumn, type LogicalType, type WarehouseColumn } from '@factline/codegen';

const column = (type: LogicalType, overrides: Partial<WarehouseColumn> = {}): WarehouseColumn => ({
  name: 'title',
  type,
  nullable: true,
  encoding: 'zstd',
  jsonPath: ['title'],
  comment: 'accommodation.title v1: The title.',
  origin: { kind: 'value', fact: 'accommodation.title', version: 1, file: 'schemas/facts/accommodation/title/v1.json', pointer: '', requiredInFact: true },
  ...overrides,
});

const varchar = (bytes: number): LogicalType => ({ kind: 'varchar', bytes });

describe('compareColumn', () => {
  it('keeps a column whose type, nullability and path did not change', () => {
    expect(compareColumn(column(varchar(480)), column(varchar(480), { comment: 'changed' }))).toEqual({ kind: 'same' });
  });

  it('widens a VARCHAR in place', () => {
    expect(compareColumn(column(varchar(480)), column(varchar(800)))).toEqual({ kind: 'widen' });
  });

  it.each([
    { why: 'a narrower VARCHAR', from: varchar(800), to: varchar(480), reason: /narrow from VARCHAR\(800\) to VARCHAR\(480\)/ },
    { why: 'a narrower integer', from: { kind: 'integer' } as LogicalType, to: { kind: 'smallint' } as LogicalType, reason: /narrow from INTEGER to SMALLINT/ },
    { why: 'a wider integer (not a VARCHAR)', from: { kind: 'smallint' } as LogicalType, to: { kind: 'integer' } as LogicalType, reason: /change type from SMALLINT to INTEGER/ },
    { why: 'a wider DECIMAL', from: { kind: 'decimal', precision: 6, scale: 2 } as LogicalType, to: { kind: 'decimal', precision: 8, scale: 2 } as LogicalType, reason: /change type from DECIMAL\(6,2\) to DECIMAL\(8,2\)/ },
    { why: 'a string that became a number', from: varchar(40), to: { kind: 'bigint' } as LogicalType, reason: /change type from VARCHAR\(40\) to BIGINT/ },
    { why: 'a wider CHAR', from: { kind: 'char', bytes: 2 } as LogicalType, to: { kind: 'char', bytes: 3 } as LogicalType, reason: /change type from CHAR\(2\) to CHAR\(3\)/ },
  ])('refuses $why', ({ from, to, reason }) => {
    const verdict = compareColumn(column(from), column(to));
    expect(verdict.kind).toBe('refuse');
    expect(verdict.kind === 'refuse' && verdict.reason).toMatch(reason);
  });

  it('refuses NOT NULL on a column that holds rows already', () => {
    const verdict = compareColumn(column(varchar(40)), column(varchar(40), { nullable: false }));
    expect(verdict).toEqual({ kind: 'refuse', reason: 'would become NOT NULL, but rows already loaded may hold NULL' });
  });

  it('refuses to drop NOT NULL, which Redshift cannot do in place', () => {
    const verdict = compareColumn(column(varchar(40), { nullable: false }), column(varchar(40)));
    expect(verdict.kind === 'refuse' && verdict.reason).toMatch(/cannot drop NOT NULL/);
  });

  it('refuses a column that would be loaded from another property', () => {
    const verdict = compareColumn(column(varchar(80), { jsonPath: ['address', 'postalCode'] }), column(varchar(80), { jsonPath: ['address', 'postal_code'] }));
    expect(verdict.kind === 'refuse' && verdict.reason).toContain("$['address']['postalCode']");
  });
});
