// Flattening: names, paths and order of the columns a schema becomes.
import { describe, expect, it } from 'vitest';
import { flattenSchema, jsonPathExpression } from '@factline/codegen';

const weather = {
  type: 'object',
  required: ['dt', 'main'],
  properties: {
    dt: { type: 'string', format: 'date-time' },
    main: { type: 'object', required: ['temp'], properties: { temp: { type: 'number' }, tempMin: { type: 'number' } } },
    rain: { type: 'object', properties: { '1h': { type: 'number' } } },
    weather: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
  },
};

describe('flattenSchema', () => {
  it('gives one column per leaf, in property order, named by the snake_case path joined with "_"', () => {
    // Act
    const { columns } = flattenSchema(weather, { baseName: '', basePath: [] });
    // Assess
    expect(columns.map((c) => c.name)).toEqual(['dt', 'main_temp', 'main_temp_min', 'rain_1h', 'weather']);
    expect(columns.map((c) => jsonPathExpression(c.path))).toEqual(["$['dt']", "$['main']['temp']", "$['main']['tempMin']", "$['rain']['1h']", "$['weather']"]);
  });

  it('joins nested names with "." when asked (Snowplow naming)', () => {
    const { columns } = flattenSchema(weather, { baseName: '', basePath: [], separator: '.' });
    expect(columns.map((c) => c.name)).toEqual(['dt', 'main.temp', 'main.temp_min', 'rain.1h', 'weather']);
  });

  it('prefixes a fact value with its value key, in names and in paths', () => {
    // Prepare
    const money = { type: 'object', required: ['amountMinor', 'currency'], properties: { amountMinor: { type: 'integer' }, currency: { type: 'string', maxLength: 3 } } };
    // Act
    const { columns } = flattenSchema(money, { baseName: 'nightly_price_v2', basePath: ['nightly_price_v2'] });
    // Assess
    expect(columns.map((c) => [c.name, c.path, c.pointer])).toEqual([
      ['nightly_price_v2_amount_minor', ['nightly_price_v2', 'amountMinor'], '/properties/amountMinor'],
      ['nightly_price_v2_currency', ['nightly_price_v2', 'currency'], '/properties/currency'],
    ]);
  });

  it('keeps a scalar value as one column named by the base name', () => {
    const { columns } = flattenSchema({ type: 'string', format: 'email', maxLength: 254 }, { baseName: 'email', basePath: ['email'] });
    expect(columns.map((c) => [c.name, c.path, c.nullable])).toEqual([['email', ['email'], false]]);
  });

  it('gives a root that is not an object with properties one column holding the whole record', () => {
    const { columns } = flattenSchema({ type: 'object' }, { baseName: '', basePath: [], rootColumnName: 'value' });
    expect(columns.map((c) => [c.name, c.path])).toEqual([['value', []]]);
  });

  it('skips a property whose schema is false (it can never be present)', () => {
    const { columns } = flattenSchema({ type: 'object', properties: { gone: false, kept: { type: 'boolean' } } }, { baseName: '', basePath: [] });
    expect(columns.map((c) => c.name)).toEqual(['kept']);
  });

  it('reports a property JSONPaths cannot address, and one with no letters or digits', () => {
    // Act
    const { columns, issues } = flattenSchema({ type: 'object', properties: { "it's": { type: 'boolean' }, '€€': { type: 'boolean' }, ok: { type: 'boolean' } } }, { baseName: '', basePath: [] });
    // Assess
    expect(columns.map((c) => c.name)).toEqual(['ok']);
    expect(issues.map((i) => [i.rule, i.pointer])).toEqual([
      ['warehouse-jsonpath', "/properties/it's"],
      ['warehouse-column-name', '/properties/€€'],
    ]);
  });

  it('stores an object nested deeper than 32 levels as one JSON column', () => {
    // Prepare
    let node: Record<string, unknown> = { type: 'boolean' };
    for (let i = 0; i < 40; i++) node = { type: 'object', properties: { n: node } };
    // Act
    const { columns } = flattenSchema(node, { baseName: '', basePath: [] });
    // Assess
    expect(columns).toHaveLength(1);
    expect(columns[0]!.type).toEqual({ kind: 'json' });
    expect(columns[0]!.path).toHaveLength(32);
  });
});
