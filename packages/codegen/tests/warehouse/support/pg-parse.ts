// Reading generated Redshift SQL with a real PostgreSQL parser (libpg-query): Redshift's grammar is PostgreSQL's plus
// table attributes (ENCODE, DISTSTYLE, DISTKEY, SORTKEY), which are removed first.
import { parse } from 'libpg-query';
import type { LogicalType } from '@factline/codegen';

/** Removes the Redshift-only attributes, keeping every statement's `;`. */
export function stripRedshiftAttributes(sql: string): string {
  return sql
    .replace(/[ \t]+ENCODE[ \t]+\w+/gi, '')
    .replace(/^DISTSTYLE[ \t]+\w+[ \t]*$/gim, '')
    .replace(/^DISTKEY[ \t]*\([^)]*\)/gim, '')
    .replace(/^(COMPOUND[ \t]+|INTERLEAVED[ \t]+)?SORTKEY[ \t]*\([^)]*\)/gim, '');
}

export interface ParsedColumn {
  name: string;
  /** PostgreSQL's name of the type (`varchar`, `bpchar`, `int2`, `numeric`, `super`…) and its modifiers. */
  type: string;
  modifiers: number[];
  notNull: boolean;
}

interface Node {
  [key: string]: unknown;
}

/** The statements of a SQL text, by kind (`CreateStmt`, `CommentStmt`, …). */
export async function parseStatements(sql: string): Promise<Node[]> {
  const result = (await parse(stripRedshiftAttributes(sql))) as { stmts: { stmt: Node }[] };
  return result.stmts.map((s) => s.stmt);
}

/** The columns of the first CREATE TABLE of a SQL text. */
export async function createTableColumns(sql: string): Promise<{ table: string; columns: ParsedColumn[] }> {
  const create = (await parseStatements(sql)).find((s) => 'CreateStmt' in s)!['CreateStmt'] as Node;
  const relation = create['relation'] as { schemaname?: string; relname: string };
  // Table constraints (FOREIGN KEY …) are elements too; only column definitions are columns.
  const columns = (create['tableElts'] as Node[]).filter((element) => 'ColumnDef' in element).map((element) => {
    const def = element['ColumnDef'] as Node;
    const typeName = def['typeName'] as { names: { String: { sval: string } }[]; typmods?: { A_Const: { ival?: { ival?: number } } }[] };
    const constraints = (def['constraints'] as { Constraint: { contype: string } }[] | undefined) ?? [];
    return {
      name: String(def['colname']),
      type: typeName.names.at(-1)!.String.sval,
      modifiers: (typeName.typmods ?? []).map((m) => m.A_Const.ival?.ival ?? 0),
      notNull: constraints.some((c) => c.Constraint.contype === 'CONSTR_NOTNULL'),
    };
  });
  return { table: relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname, columns };
}

/** How PostgreSQL's parser names a logical type printed for Redshift. */
export function pgTypeOf(type: LogicalType): { type: string; modifiers: number[] } {
  switch (type.kind) {
    case 'varchar':
      return { type: 'varchar', modifiers: [type.bytes] };
    case 'char':
      return { type: 'bpchar', modifiers: [type.bytes] };
    case 'smallint':
      return { type: 'int2', modifiers: [] };
    case 'integer':
      return { type: 'int4', modifiers: [] };
    case 'bigint':
      return { type: 'int8', modifiers: [] };
    case 'decimal':
      return { type: 'numeric', modifiers: [type.precision, type.scale] };
    case 'double':
      return { type: 'float8', modifiers: [] };
    case 'boolean':
      return { type: 'bool', modifiers: [] };
    case 'date':
      return { type: 'date', modifiers: [] };
    case 'timestamptz':
      return { type: 'timestamptz', modifiers: [] };
    case 'json':
      return { type: 'super', modifiers: [] };
  }
}
