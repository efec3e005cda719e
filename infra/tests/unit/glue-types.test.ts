import { describe, expect, it } from 'vitest';
import type { LogicalType, WarehouseColumn, WarehouseTable } from '@factline/codegen';
import { glueColumns, hiveType } from '@factline/infra';

describe('hiveType', () => {
  const cases: [LogicalType, string][] = [
    [{ kind: 'varchar', bytes: 254 }, 'string'],
    [{ kind: 'char', bytes: 36 }, 'string'],
    [{ kind: 'smallint' }, 'smallint'],
    [{ kind: 'integer' }, 'int'],
    [{ kind: 'bigint' }, 'bigint'],
    [{ kind: 'decimal', precision: 12, scale: 2 }, 'decimal(12,2)'],
    [{ kind: 'double' }, 'double'],
    [{ kind: 'boolean' }, 'boolean'],
    [{ kind: 'date' }, 'date'],
    [{ kind: 'timestamptz' }, 'timestamp'],
    [{ kind: 'json' }, 'string'],
  ];
  it.each(cases)('maps %o to %s', (type, expected) => {
    expect(hiveType(type)).toBe(expected);
  });
});

describe('glueColumns', () => {
  const column = (name: string, jsonPath: string[], type: LogicalType, comment = `${name} comment`): WarehouseColumn => ({ name, jsonPath, type, nullable: true, comment, encoding: 'zstd', origin: { kind: 'shared' } });
  const table: WarehouseTable = {
    name: 'accommodation_facts',
    entity: 'accommodation',
    comment: '',
    distKey: 'entity_id',
    sortKey: [],
    sources: [],
    columns: [
      column('fact_id', ['fact_id'], { kind: 'char', bytes: 36 }),
      column('nightly_price_amount_minor', ['nightly_price', 'amountMinor'], { kind: 'bigint' }, 'accommodation.nightly_price v1: The amount in minor units.'),
      column('nightly_price_currency', ['nightly_price', 'currency'], { kind: 'varchar', bytes: 3 }),
      column('address_postal_code', ['address', 'postal code'], { kind: 'varchar', bytes: 80 }),
      column('amenities', ['amenities'], { kind: 'json' }),
    ],
  };

  it('turns object values back into one struct column, keeping the JSON key names', () => {
    expect(glueColumns(table).map((c) => [c.name, c.type])).toEqual([
      ['fact_id', 'string'],
      ['nightly_price', 'struct<amountMinor:bigint,currency:string>'],
      ['address', 'struct<`postal code`:string>'],
      ['amenities', 'string'],
    ]);
  });

  it('names the fact in a struct column’s comment, and keeps a plain column’s own', () => {
    const comments = Object.fromEntries(glueColumns(table).map((c) => [c.name, c.comment]));
    expect(comments).toMatchObject({ fact_id: 'fact_id comment', nightly_price: 'accommodation.nightly_price v1' });
  });

  it('cuts comments to the 255 characters Glue accepts', () => {
    const long: WarehouseTable = { ...table, columns: [column('title', ['title'], { kind: 'varchar', bytes: 10 }, 'x'.repeat(400))] };
    expect(glueColumns(long)[0]?.comment).toHaveLength(255);
  });
});
