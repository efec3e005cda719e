// Reading generated Redshift view SQL with a real PostgreSQL parser (libpg-query): Redshift's view grammar is
// PostgreSQL's plus the late-binding clause, removed first; Data API `:name` parameters become literals.
import { parse } from 'libpg-query';

/** Removes `WITH NO SCHEMA BINDING` (keeping the `;`) and replaces `:name` parameters with a timestamp literal. */
export function toPostgres(sql: string): string {
  return sql.replace(/\s+WITH NO SCHEMA BINDING;/g, ';').replace(/(?<![:\w]):([a-z_][a-z0-9_]*)/g, "'2026-01-01T00:00:00Z'");
}

export interface ParsedStatement {
  kind: string;
  node: Record<string, unknown>;
}

/** The statements of a SQL text, by kind (`ViewStmt`, `SelectStmt`, …). */
export async function parseRedshift(sql: string): Promise<ParsedStatement[]> {
  const result = (await parse(toPostgres(sql))) as { stmts: { stmt: Record<string, unknown> }[] };
  return result.stmts.map(({ stmt }) => {
    const kind = Object.keys(stmt)[0]!;
    return { kind, node: stmt[kind] as Record<string, unknown> };
  });
}

/** Every relation (`schema.name`) a parse tree reads, except CTE names. */
export function relationsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) relationsOf(item, found);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const range = record['RangeVar'] as { schemaname?: string; relname: string } | undefined;
    if (range !== undefined) found.add(range.schemaname === undefined ? range.relname : `${range.schemaname}.${range.relname}`);
    for (const value of Object.values(record)) relationsOf(value, found);
  }
  return found;
}
