// generated/views/README.md: what each generated view holds, column by column, for the people who query them.
import { markdownHeader, regenerateCommand } from '../header.js';
import { sqlTypeName } from '../warehouse/type-names.js';
import { asOfParameters, viewColumns } from './constants.js';
import type { EntityViews, ViewsModel } from './types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function entitySection(views: EntityViews): string[] {
  const q = (name: string) => (views.schema === undefined ? name : `${views.schema}.${name}`);
  const lifecycle = views.lifecycle;
  const lines = [`## ${views.entity}`, '', ...(views.description === undefined ? [] : [cell(views.description), ''])];
  lines.push(`- \`${q(views.names.current)}\`: one row per ${views.entity}, with the value of every fact in force now.`);
  if (lifecycle !== undefined && lifecycle.inactive.length > 0) lines.push(`  \`${viewColumns.isActive}\` is false while \`${lifecycle.fact}\` is ${lifecycle.inactive.map((v) => `\`${v}\``).join(' or ')}.`);
  if (lifecycle !== undefined && lifecycle.deleted.length > 0) lines.push(`  A ${views.entity} whose \`${lifecycle.fact}\` is ${lifecycle.deleted.map((v) => `\`${v}\``).join(' or ')} is left out (its history stays).`);
  lines.push(
    `- \`${q(views.names.history)}\`: one row per fact, with \`${viewColumns.validFrom}\` and \`${viewColumns.validTo}\`.`,
    `- The state as of a moment: \`queries/${views.names.asOf}.sql\` (\`:${asOfParameters.asOf}\`, \`:${asOfParameters.knownAt}\`), or in DuckDB \`select * from ${q(views.names.asOf)}(timestamptz '2026-02-01 00:00:00+00')\`.`,
    '',
    '| column | type (DuckDB / Redshift) | holds |',
    '|---|---|---|',
    `| \`entity_id\` | | the ${views.entity} id |`,
    ...views.valueColumns.map((c) => `| \`${c.name}\` | ${sqlTypeName(c.type, 'duckdb')} / ${sqlTypeName(c.type, 'redshift')} | ${cell(c.comment)} |`),
  );
  if (lifecycle !== undefined) lines.push(`| \`${viewColumns.isActive}\` | BOOLEAN | current only: the lifecycle |`);
  lines.push(
    `| \`${viewColumns.firstOccurredAt}\`, \`${viewColumns.lastOccurredAt}\` | TIMESTAMPTZ | current only: the earliest and latest occurred_at of its facts |`,
    `| \`fact_type\`, \`fact_version\`, \`fact_id\`, \`event_id\`, \`event_type\`, \`event_version\` | | history only: the fact and the event it came from |`,
    `| \`${viewColumns.validFrom}\`, \`${viewColumns.validTo}\` | TIMESTAMPTZ | history only: when the value started and stopped holding (NULL: still holds) |`,
    '',
  );
  if (views.references.length > 0) {
    lines.push('Relationships (tested by `factline views test`):', '', ...views.references.map((r) => `- \`${r.column}\` (${r.fact}) → \`${q(`${r.entity}_history`)}.entity_id\``), '');
  }
  return lines;
}

export function printViewsReadme(model: ViewsModel): string {
  return [
    markdownHeader(['schemas/']).trimEnd(),
    '',
    '# generated/views/',
    '',
    `The views of every entity, generated from \`schemas/\` by \`${regenerateCommand}\` and deployed by \`factline views deploy\``,
    '(DuckDB: `duckdb/`, Redshift: `redshift/`; `queries/` holds parameterised queries, run, never deployed). Which facts',
    'count: of each event, the facts of its latest derivation (a re-derivation supersedes what an earlier transformer wrote);',
    'of each fact id, one copy (deliveries are at least once). The latest value is the one with the greatest occurred_at,',
    'then event_id, then fact_id. recorded_at is not a column of any view, so a re-derived and a clean run read the same.',
    'A fact with several versions has columns per version; only those of the version of the fact in force are set.',
    'See docs/analysts.md.',
    '',
    ...model.entities.flatMap(entitySection),
  ].join('\n');
}
