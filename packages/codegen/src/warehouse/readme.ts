// generated/README.md: a map of the generated folder for people who open it.
import { markdownHeader, regenerateCommand } from '../header.js';

export function printGeneratedReadme(): string {
  return [
    markdownHeader(['schemas/', 'factline.config.json']).trimEnd(),
    '',
    '# generated/',
    '',
    `Everything here is generated from \`schemas/\` and \`factline.config.json\` by \`${regenerateCommand}\`, committed so that a`,
    'schema change shows its effect in the same diff, and checked for staleness in CI. Never edit these files: edit the',
    'schemas and regenerate.',
    '',
    '| path | what it is | read by |',
    '|---|---|---|',
    '| `redshift/tables/<table>.sql` | the current Redshift DDL of each fact table: types, ENCODE, DISTKEY, SORTKEY, comments | people, reviews |',
    '| `redshift/copy/<table>.sql` | the COPY that Firehose runs, written out for a backfill from a manifest | people |',
    '| `duckdb/tables/<table>.sql` | the same tables for the local DuckDB warehouse | people, tests |',
    '| `jsonpaths/<table>.json` | the JSONPaths file of each fact table: one expression per column, in table order | Redshift COPY (uploaded to `jsonpaths/` in the bucket) |',
    '| `migrations/<dialect>/NNNN-<slug>.sql` | append-only migrations that build the tables above | `@factline/warehouse` migration runner |',
    '| `stream-settings.json` | per entity: delivery stream, S3 prefixes, buffering, compression, CopyCommand | `@factline/local`, `infra`, the producer routing |',
    '| `warehouse-state.json` | the warehouse as the last generation left it: the base of the next migration | `factline generate` |',
    '| `views/<dialect>/…`, `views/<dialect>/queries/…` | the `<entity>_current` / `<entity>_history` views (late-binding on Redshift), DuckDB as-of macros, as-of queries | `factline views deploy`, people |',
    '| `docs/` | the event and fact catalog, and every check and lint rule | people |',
    '',
    'Every SQL and Markdown file starts with a do-not-edit header naming its sources. JSON files cannot carry comments:',
    '`stream-settings.json` and `warehouse-state.json` say it in their `generatedBy` field, and the JSONPaths files say it',
    'nowhere, because COPY reads them literally and accepts exactly one key, `jsonpaths`. This README is their header.',
    '',
    'Migrations are never rewritten: a file once generated keeps its bytes (its checksum is in `warehouse-state.json`), and',
    'each schema change adds a new file. A migration whose first line is `-- factline:transaction=false` runs statement by',
    'statement outside a transaction, because Redshift cannot widen a VARCHAR inside one. The DuckDB copy of such a file',
    'raises the byte limit in `factline_column_limits` instead (DuckDB drops VARCHAR lengths; the local COPY enforces that table). See `packages/codegen/README.md`, "Warehouse", for the',
    'type mapping and the changes that are refused.',
    '',
  ].join('\n');
}
