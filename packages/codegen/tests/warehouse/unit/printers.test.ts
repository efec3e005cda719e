// The small printers: identifiers, literals, JSONPaths, COPY options, and the state file.
import { describe, expect, it } from 'vitest';
import { copyOptions, dataTableColumns, jsonPathExpression, parseWarehouseState, printTableWithComments, printWarehouseState, type WarehouseState, type WarehouseTable } from '@factline/codegen';

const table: WarehouseTable = {
  name: 'shop_facts',
  entity: 'shop',
  comment: "The shop's facts, C:\\ style",
  columns: [
    { name: 'fact_id', type: { kind: 'char', bytes: 36 }, nullable: false, encoding: 'zstd', jsonPath: ['fact_id'], comment: 'Id.', origin: { kind: 'shared' } },
    { name: 'user', type: { kind: 'varchar', bytes: 40 }, nullable: true, encoding: 'zstd', jsonPath: ['user'], comment: 'A path like C:\\temp\\', origin: { kind: 'value', fact: 'shop.user', version: 1, file: 'schemas/facts/shop/user/v1.json', pointer: '', requiredInFact: true } },
  ],
  distKey: 'fact_id',
  sortKey: [],
  sources: ['schemas/entities/shop.json'],
};

describe('printers', () => {
  it('quotes reserved words per dialect and escapes literals for each', () => {
    // Act
    const redshift = printTableWithComments('factline', table, 'redshift');
    const duckdb = printTableWithComments('factline', table, 'duckdb');
    // Assess
    expect(redshift).toContain('    "user"  VARCHAR(40) ENCODE ZSTD\n)\nDISTSTYLE KEY\nDISTKEY (fact_id);');
    expect(redshift).toContain("COMMENT ON COLUMN factline.shop_facts.\"user\" IS 'A path like C:\\\\temp\\\\';");
    expect(redshift).toContain("COMMENT ON TABLE factline.shop_facts IS 'The shop''s facts, C:\\\\ style';");
    expect(duckdb).toContain('    user    VARCHAR\n);');
    expect(duckdb).toContain("COMMENT ON COLUMN factline.shop_facts.user IS 'A path like C:\\temp\\';");
  });

  it('writes JSONPaths in bracket notation, keeping keys as they are', () => {
    expect(jsonPathExpression(['rain', '1h'])).toBe("$['rain']['1h']");
    expect(jsonPathExpression(['a.b', 'c d'])).toBe("$['a.b']['c d']");
    expect(jsonPathExpression([])).toBe('$');
  });

  it('builds COPY options with GZIP only when the stream compresses, and quotes reserved column names', () => {
    expect(copyOptions(table, 'GZIP')).toBe("JSON 's3://${BucketName}/jsonpaths/shop_facts.json' TIMEFORMAT 'auto' GZIP");
    expect(copyOptions(table, 'UNCOMPRESSED')).toBe("JSON 's3://${BucketName}/jsonpaths/shop_facts.json' TIMEFORMAT 'auto'");
    expect(dataTableColumns(table)).toBe('fact_id,"user"');
  });

  it('prints a state file that reads back equal, and refuses one that was tampered with', () => {
    // Prepare
    const state: WarehouseState = { formatVersion: 1, generatedBy: 'test', warehouse: { schema: 'factline' }, tables: [table], migrations: { redshift: [{ name: '0001-initial.sql', sha256: 'a'.repeat(64) }], duckdb: [] } };
    // Act
    const text = printWarehouseState(state);
    // Assess
    expect(parseWarehouseState(text)).toEqual({ ok: true, state });
    expect(parseWarehouseState(printWarehouseState({ ...state, tables: [] }))).toMatchObject({ ok: true });
    const tampered = parseWarehouseState(text.replace('"encoding":"zstd"', '"encoding":"bytedict"'));
    expect(tampered).toMatchObject({ ok: false, problems: [expect.objectContaining({ rule: 'warehouse-state', file: 'generated/warehouse-state.json' })] });
  });
});
