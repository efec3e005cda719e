import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '@factline/object-store';
import { buildRedshiftCopy, fieldValue } from '@factline/warehouse';
import { loadErrorFromRow } from '../../src/redshift/copy.js';

describe('fieldValue', () => {
  const cases: [name: string, field: Field, column: ColumnMetadata, expected: unknown][] = [
    ['NULL', { isNull: true }, { typeName: 'int4' }, null],
    ['an int8 (longValue)', { longValue: 9_007_199_254_740_991 }, { typeName: 'int8' }, 9_007_199_254_740_991],
    ['a float8 (doubleValue)', { doubleValue: 0.5 }, { typeName: 'float8' }, 0.5],
    ['a boolean', { booleanValue: false }, { typeName: 'bool' }, false],
    ['a DECIMAL, which arrives as a string and stays exact', { stringValue: '12345678901234567890.12' }, { typeName: 'numeric' }, '12345678901234567890.12'],
    ['a timestamp (UTC, microseconds cut to milliseconds)', { stringValue: '2026-05-01 10:00:00.123456' }, { typeName: 'timestamp' }, new Date('2026-05-01T10:00:00.123Z')],
    ['a timestamptz with its offset', { stringValue: '2026-05-01 12:00:00+02' }, { typeName: 'timestamptz' }, new Date('2026-05-01T10:00:00.000Z')],
    ['a date, kept as text', { stringValue: '2026-05-01' }, { typeName: 'date' }, '2026-05-01'],
    ['a SUPER document, parsed', { stringValue: '{"a":[1,2]}' }, { typeName: 'super' }, { a: [1, 2] }],
    ['a varchar', { stringValue: 'ana@example.com' }, { typeName: 'varchar' }, 'ana@example.com'],
    ['a varbyte', { blobValue: new Uint8Array([1, 2]) }, { typeName: 'varbyte' }, new Uint8Array([1, 2])],
  ];
  for (const [name, field, column, expected] of cases) {
    it(`maps ${name}`, () => {
      // Act and assess
      expect(fieldValue(field, column)).toEqual(expected);
    });
  }
});

describe('buildRedshiftCopy', () => {
  const store = { bucket: 'factline-prod' } as ObjectStore;
  const request = { store, table: 'factline.booking_facts', keys: ['facts/booking/a.gz', 'facts/booking/b.gz'], options: "JSON 's3://factline-prod/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP" };

  it('writes a manifest of every object, mandatory, and a COPY that reads it with the role and the options', () => {
    // Act
    const copy = buildRedshiftCopy({ ...request, columns: 'fact_id,"timestamp"' }, { iamRole: 'arn:aws:iam::123456789012:role/copy', manifestPrefix: 'manifests/', now: new Date('2026-05-01T10:00:00.000Z') });

    // Assess
    expect(copy.manifestKey).toMatch(/^manifests\/factline\.booking_facts\/20260501T100000Z-[0-9a-f-]{36}\.manifest$/);
    expect(copy.manifest).toEqual({ entries: [{ url: 's3://factline-prod/facts/booking/a.gz', mandatory: true }, { url: 's3://factline-prod/facts/booking/b.gz', mandatory: true }] });
    expect(copy.sql).toBe(
      `COPY "factline"."booking_facts" ("fact_id", "timestamp") FROM 's3://factline-prod/${copy.manifestKey}' IAM_ROLE 'arn:aws:iam::123456789012:role/copy' MANIFEST JSON 's3://factline-prod/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP`,
    );
  });

  it('uses IAM_ROLE default unquoted', () => {
    // Act
    const copy = buildRedshiftCopy(request, { iamRole: 'default', manifestPrefix: 'manifests/' });

    // Assess
    expect(copy.sql).toMatch(/ IAM_ROLE default MANIFEST JSON /);
  });

  const refused: [name: string, change: Partial<typeof request> & { columns?: string }, message: RegExp][] = [
    ['options that bring their own MANIFEST', { options: "MANIFEST JSON 's3://x/y'" }, /must not name MANIFEST/],
    ['options that bring credentials', { options: "CREDENTIALS 'aws_iam_role=x' JSON 'auto'" }, /must not name/],
    ['no keys', { keys: [] }, /no object keys/],
    ['a table name that is not one', { table: 'factline.booking facts; drop table x' }, /is not a table name/],
    ['an unreadable column list', { columns: 'a,,b' }, /cannot read the column list/],
  ];
  for (const [name, change, message] of refused) {
    it(`refuses ${name}`, () => {
      // Act and assess
      expect(() => buildRedshiftCopy({ ...request, ...change }, { iamRole: 'default', manifestPrefix: 'manifests/' })).toThrow(message);
    });
  }
});

describe('loadErrorFromRow', () => {
  it('turns an STL_LOAD_ERRORS row into a load error with the object key', () => {
    // Act
    const error = loadErrorFromRow(
      { filename: 's3://factline-prod/facts/booking/a.gz ', line_number: 7, colname: 'nights ', type: 'int2 ', col_length: '0', raw_line: '{"nights":"x"}', raw_field_value: 'x', err_code: 1207, err_reason: 'Invalid digit, Value \'x\', Pos 0, Type: Short ' },
      'factline-prod',
    );

    // Assess
    expect(error).toEqual({ key: 'facts/booking/a.gz', url: 's3://factline-prod/facts/booking/a.gz', line: 7, column: 'nights', columnType: 'int2', rawValue: 'x', rawLine: '{"nights":"x"}', errorCode: 1207, reason: "Invalid digit, Value 'x', Pos 0, Type: Short" });
  });
});
