// The demo's summary: what was sent, delivered, loaded and failed, how long each stage took, and a few rows of the
// current state, with the places to look and the queries to ask next.
import path from 'node:path';
import type { DemoResult } from './demo.js';
import type { LocalProject } from './project.js';
import { shown } from './project.js';
import { formatTable } from './table-format.js';

const n = (value: number): string => new Intl.NumberFormat('en-US').format(value);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const stageNames: Record<string, string> = {
  prepare: 'prepare: empty folder, migrations, local stack',
  send: 'send: generate, validate, PutRecordBatch',
  'deliver and load': 'deliver and load what was still buffered',
  views: 'build the views',
  query: 'read the current state',
};

/**
 * The summary `pnpm demo` prints.
 *
 * @example
 * io.out(formatDemoSummary(result, project, io.cwd));
 */
export function formatDemoSummary(result: DemoResult, project: LocalProject, cwd: string): string {
  const lines: string[] = [];
  const { send, totals } = result;
  const eventTypes = Object.keys(send.byType).length;
  const tables = result.settings.streams.length;
  lines.push('', `factline demo: ${n(send.sent)} events of the sample marketplace (seed ${result.seed}) through the local pipeline${result.interrupted ? ' (interrupted: sending stopped early)' : ''}`, '');
  lines.push(`  Events sent         ${n(send.sent).padStart(11)}   ${eventTypes} event types; ${send.undelivered === 0 ? 'every one acknowledged by Firehose' : `${n(send.undelivered)} NOT acknowledged (see below)`}`);
  lines.push(`  Firehose records    ${n(result.recordsSent).padStart(11)}   packed ${(send.sent / Math.max(1, result.recordsSent)).toFixed(1)} events per record; ${n(totals.delivered)} delivered, ${n(totals.failed)} processing-failed, ${n(totals.dropped)} dropped`);
  lines.push(`  Facts loaded        ${n(result.destination.rowsLoaded).padStart(11)}   into ${tables} fact tables, from ${n(result.destination.objectsLoaded)} facts objects (one COPY each)`);
  lines.push('', '  Time per stage');
  const width = Math.max(...result.stages.map((s) => (stageNames[s.name] ?? s.name).length));
  for (const stage of result.stages) {
    const rate = stage.name === 'send' && stage.ms > 0 ? `   ${n(Math.round(send.sent / (stage.ms / 1000)))} events/s` : '';
    lines.push(`    ${(stageNames[stage.name] ?? stage.name).padEnd(width)}  ${seconds(stage.ms).padStart(8)}${rate}`);
  }
  lines.push(`    ${'total'.padEnd(width)}  ${seconds(result.totalMs).padStart(8)}   ${n(Math.round(send.sent / (result.totalMs / 1000)))} events/s end to end`);
  lines.push(`    (overlapping the stages: the transformer ran ${seconds(result.transform.busyMs)} in ${n(result.transform.invocations)} invocations, the COPYs ${seconds(result.destination.loadMs)})`);

  lines.push('', result.views === undefined ? '  Current state (computed from the fact tables: the views are not built by the demo yet)' : `  Current state (from the views: ${result.views.deployed.length} deployed)`);
  for (const state of result.state) {
    const statuses = state.byStatus === undefined ? '' : ` (${Object.entries(state.byStatus).map(([status, count]) => `${status} ${n(count)}`).join(', ')})`;
    lines.push('', `  ${state.entity}: ${n(state.entities)} entities${statuses}, ${n(state.facts)} facts, from ${state.source}`);
    if (state.sample.length > 0) lines.push(indent(formatTable(state.sample, { maxCellWidth: 36, maxWidth: 116 }), '    '));
  }

  lines.push('', failures(result, project, cwd));
  const schema = result.settings.warehouse.schema;
  const first = result.settings.streams[0];
  lines.push(
    '',
    `  Everything stays in ${shown(project.dataDir, cwd)}/ (the write-ahead log, the bucket folder s3/${project.bucket}/, the DuckDB warehouse). Ask it questions:`,
    `    pnpm factline sql "select table_name, table_type from information_schema.tables where table_schema = '${schema}' order by 1"`,
    ...(first === undefined ? [] : [`    pnpm factline sql "select fact_type, count(*) as facts, count(distinct entity_id) as entities from ${first.redshift.copyCommand.dataTableName} group by 1 order by 1"`]),
    ...Object.entries(result.views?.currentViews ?? {})
      .slice(0, 1)
      .map(([entity, view]) => {
        const recent = result.state.find((state) => state.entity === entity)?.sample[0]?.['last_occurred_at'] !== undefined;
        return `    pnpm factline sql "select * from ${view}${recent ? ' order by last_occurred_at desc' : ''} limit 5"`;
      }),
    `  Running \`pnpm demo\` again starts over from an empty ${shown(project.dataDir, cwd)}/ (the same seed gives the same events, so the same facts).`,
  );
  return lines.join('\n');
}

function failures(result: DemoResult, project: LocalProject, cwd: string): string {
  const lines: string[] = [];
  const schema = result.settings.warehouse.schema;
  if (result.send.undelivered > 0) lines.push(`    ${n(result.send.undelivered)} event(s) were never acknowledged by the local Firehose: ${result.send.undeliveredError?.message ?? ''}`);
  if (result.totals.failed > 0) {
    const folders = [...new Set(result.processingFailedObjects.map((key) => key.split('/').slice(0, 3).join('/')))];
    lines.push(`    ${n(result.totals.failed)} Firehose record(s) failed transformation; their raw events are under ${folders.map((f) => shown(path.join(project.bucketRoot, project.bucket, f), cwd)).join(', ')}/ (one JSON line each, with the error)`);
  }
  if (result.loadFailures.length > 0) {
    const codes = [...new Set(result.loadFailures.map((f) => f.errorCode))].join(', ');
    lines.push(`    ${n(result.loadFailures.length)} facts object(s) failed to load (${codes}); the local Firehose retries them on its next start. Details:`);
    lines.push(`      pnpm factline sql "select * from ${schema}.factline_load_errors order by failed_at desc"`);
    lines.push(`      ${shown(project.loadErrorLog, cwd)}`);
  }
  return lines.length === 0 ? '  Failures: none (no event refused, no record failed, no load failed).' : ['  Failures:', ...lines].join('\n');
}

const indent = (text: string, prefix: string): string => text.split('\n').map((line) => `${prefix}${line}`).join('\n');
