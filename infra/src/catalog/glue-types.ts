// Glue (Hive) column types for a fact table, from the warehouse model. The fact line is nested JSON: a fact whose
// value is an object (`"nightly_price":{"amountMinor":12000,"currency":"EUR"}`) is one struct column in Glue, where
// Redshift flattens it into `nightly_price_amount_minor`, `nightly_price_currency` through JSONPaths.
import type { LogicalType, WarehouseTable } from '@factline/codegen';

/** One top-level column of the Glue table. */
export interface GlueColumn {
  name: string;
  type: string;
  comment: string;
}

type Node = { kind: 'leaf'; type: string } | { kind: 'struct'; fields: Map<string, Node> };

/**
 * The Hive type of a warehouse type. VARCHAR becomes `string` (Hive counts characters, Redshift bytes: a length
 * would only add a second, different limit); SUPER (`json`) becomes `string`, which the OpenX JSON SerDe fills
 * with the value's JSON text.
 *
 * @example
 * hiveType({ kind: 'decimal', precision: 12, scale: 2 }); // 'decimal(12,2)'
 */
export function hiveType(type: LogicalType): string {
  switch (type.kind) {
    case 'varchar':
    case 'char':
    case 'json':
      return 'string';
    case 'smallint':
      return 'smallint';
    case 'integer':
      return 'int';
    case 'bigint':
      return 'bigint';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamptz':
      return 'timestamp';
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
  }
}

const plainName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function render(node: Node): string {
  if (node.kind === 'leaf') return node.type;
  const fields = [...node.fields].map(([key, child]) => `${plainName.test(key) ? key : `\`${key.replace(/`/g, '``')}\``}:${render(child)}`);
  return `struct<${fields.join(',')}>`;
}

function insert(into: Map<string, Node>, path: readonly string[], type: string): void {
  const [key, ...rest] = path;
  if (key === undefined) return;
  if (rest.length === 0) {
    into.set(key, { kind: 'leaf', type });
    return;
  }
  const existing = into.get(key);
  const struct = existing?.kind === 'struct' ? existing : { kind: 'struct' as const, fields: new Map<string, Node>() };
  into.set(key, struct);
  insert(struct.fields, rest, type);
}

/**
 * The Glue columns of a fact table: one per top-level key of the fact line, in table order, nested values as structs.
 *
 * @example
 * glueColumns(table).map((c) => `${c.name} ${c.type}`); // ['fact_id string', …, 'nightly_price struct<amountMinor:bigint,currency:string>']
 */
export function glueColumns(table: Pick<WarehouseTable, 'columns'>): GlueColumn[] {
  const roots = new Map<string, Node>();
  const comments = new Map<string, string>();
  for (const column of table.columns) {
    const [root] = column.jsonPath;
    if (root === undefined) continue;
    insert(roots, column.jsonPath, hiveType(column.type));
    // A struct gathers several columns: its comment names the fact (`accommodation.address v1`), not one property.
    if (!comments.has(root)) comments.set(root, column.jsonPath.length === 1 ? column.comment : (column.comment.split(': ')[0] ?? ''));
  }
  // Glue limits a column comment to 255 characters.
  return [...roots].map(([name, node]) => ({ name, type: render(node), comment: (comments.get(name) ?? '').slice(0, 255) }));
}
