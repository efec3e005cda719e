// `pnpm bench:transformer`: throughput against a floor measured in the same run, the expansion of events into facts
// (which decides the processor buffer size), cold start of the bundle against bare node, bundle size, and peak
// memory for the 6 MB worst case. Human-readable lines first; the last line is one JSON object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { domain } from '@factline/events';
import { createTransformer, firehoseTransformLimits, transformBatch, type FirehoseTransformationEvent } from '@factline/transformer';
import { floor } from './floor.js';
import { sampleBatch } from './sample-batch.js';
import { eventMix, SampleEvents } from './sample-events.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.resolve(here, '../dist/bundle/index.mjs');
const MiB = 1024 * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

// 1. Throughput: the realistic 3 MB batch, floor and transformer interleaved so that both see the same machine load.
// 31 runs each: on a shared 2-core machine single runs swing by a third, and the median of fewer moves by a tenth.
function throughput(event: FirehoseTransformationEvent, validateDeclaredFacts: boolean, runs = 31) {
  const transformer = createTransformer({ domain, validateDeclaredFacts });
  // No response budget here: the work measured is transforming every record (the guard is measured below).
  const transform = () => transformBatch(event, { transformer, maxResponseBytes: Number.POSITIVE_INFINITY });
  for (let i = 0; i < 3; i++) {
    floor(event);
    transform();
  }
  const floorMs: number[] = [];
  const transformerMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    floor(event);
    floorMs.push(performance.now() - start);
    start = performance.now();
    transform();
    transformerMs.push(performance.now() - start);
  }
  return { floorMs: round(median(floorMs), 1), transformerMs: round(median(transformerMs), 1), ratio: round(median(floorMs) / median(transformerMs)) };
}

// 2. Expansion: decoded fact bytes per decoded event byte, and response bytes per event byte, per event type and
// per delivery stream (its entity's events in the sample mix).
function expansion(mix: Partial<typeof eventMix>) {
  const batch = sampleBatch({ targetBytes: 512 * 1024, seed: 11, mix });
  const { summary } = transformBatch(batch.event, { transformer: createTransformer({ domain }), maxResponseBytes: Number.POSITIVE_INFINITY });
  return { facts: round(summary.outputBytes / summary.inputBytes, 2), response: round(summary.responseBytes / summary.inputBytes, 2), request: round(batch.requestBytes / summary.inputBytes, 2) };
}

// 3. Cold start: a fresh node that imports the bundle and answers one event, against a fresh node doing nothing.
function coldStart(runs = 15) {
  const child = path.join(here, 'cold-start-child.mjs');
  const event = JSON.stringify(new SampleEvents(2).envelope('booking.confirmed'));
  const time = (args: string[]) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [child, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`cold-start child failed: ${run.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const bare: number[] = [];
  const withBundle: number[] = [];
  time([]);
  for (let i = 0; i < runs; i++) {
    bare.push(time([]));
    withBundle.push(time([bundle, event]));
  }
  return { bareNodeMs: round(median(bare), 1), bundleMs: round(median(withBundle), 1), overheadMs: round(median(withBundle) - median(bare), 1) };
}

// 4. Memory: the largest request (just under 6 MB of JSON), made of the event type that expands most, so that the
// facts overflow the response and the guard has to act.
function memory() {
  const dir = mkdtempSync(path.join(tmpdir(), 'factline-bench-'));
  try {
    let targetBytes = 4.3 * MiB;
    let worst = sampleBatch({ targetBytes, seed: 13, mix: { 'booking.requested': 1 }, streamName: 'factline-booking' });
    while (worst.requestBytes > 5_990_000) {
      targetBytes *= 0.99;
      worst = sampleBatch({ targetBytes, seed: 13, mix: { 'booking.requested': 1 }, streamName: 'factline-booking' });
    }
    const file = path.join(dir, 'request.json');
    writeFileSync(file, JSON.stringify(worst.event));
    const run = (mode: string[]) => {
      const child = spawnSync(process.execPath, [path.join(here, 'memory-child.mjs'), bundle, file, ...mode], { encoding: 'utf8', env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' } });
      if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').pop() as string) as { maxRssKb: number; responseBytes: number; results: Record<string, number> };
    };
    const idle = run(['--idle']);
    const peak = run([]);
    return { requestBytes: worst.requestBytes, responseBytes: peak.responseBytes, results: peak.results, idleRssMb: round(idle.maxRssKb / 1024, 1), peakRssMb: round(peak.maxRssKb / 1024, 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const batch = sampleBatch({ targetBytes: 3 * MiB, seed: 1 });
console.log(`batch: ${batch.event.records.length} records, ${batch.events} events, ${batch.inputBytes} bytes decoded, ${batch.requestBytes} bytes of request`);
const full = throughput(batch.event, true);
console.log(`throughput: floor ${full.floorMs} ms, transformer ${full.transformerMs} ms, ratio ${full.ratio} (floor / transformer; target ≥ 0.5)`);
const trusting = throughput(batch.event, false);
console.log(`  without re-validating declared facts: transformer ${trusting.transformerMs} ms, ratio ${trusting.ratio}`);

const unsampled = Object.keys(domain.events).map((key) => key.slice(0, key.lastIndexOf('@'))).filter((type) => !(type in eventMix));
if (unsampled.length > 0) console.log(`not sampled (add a generator in bench/sample-events.ts): ${[...new Set(unsampled)].join(', ')}`);
const byType = Object.fromEntries(Object.keys(eventMix).map((type) => [type, expansion({ [type]: 1 } as Partial<typeof eventMix>)]));
for (const [type, e] of Object.entries(byType)) console.log(`expansion ${type.padEnd(42)} facts ×${e.facts}  response ×${e.response}`);
const entities = [...new Set(Object.keys(eventMix).map((t) => t.slice(0, t.indexOf('.'))))];
const byStream = Object.fromEntries(
  entities.map((entity) => [entity, expansion(Object.fromEntries(Object.entries(eventMix).filter(([t]) => t.startsWith(`${entity}.`))) as Partial<typeof eventMix>)]),
);
for (const [entity, e] of Object.entries(byStream)) console.log(`expansion stream ${entity.padEnd(35)} facts ×${e.facts}  response ×${e.response}`);
const mixed = expansion(eventMix);
const worstStream = Math.max(...Object.values(byStream).map((e) => e.response));
const worstType = Math.max(...Object.values(byType).map((e) => e.response));
// The processor buffer (decoded bytes, MiB to be safe) whose response still fits 6,000,000 bytes.
const safeBufferMiB = (ratio: number) => round(firehoseTransformLimits.maxResponseBytes / ratio / MiB, 2);
const steps = [3, 2, 1, 0.5, 0.2];
const recommended = steps.find((mb) => mb <= safeBufferMiB(worstStream) * 0.9) ?? 0.2;
console.log(`expansion of the whole mix: facts ×${mixed.facts}, response ×${mixed.response}; a 6 MB response holds at most ${safeBufferMiB(worstStream)} MiB of the worst stream's events (${safeBufferMiB(worstType)} MiB of the worst event type)`);
console.log(`recommended processor.bufferSizeInMBs: ${recommended} (3 MB would make a ${round((3 * MiB * worstStream) / 1e6, 1)} MB response on the worst stream)`);

const cold = coldStart();
const bundleBytes = statSync(bundle).size;
console.log(`bundle: ${bundleBytes} bytes (target ≤ 307200); cold start: bare node ${cold.bareNodeMs} ms, bundle + one event ${cold.bundleMs} ms, overhead ${cold.overheadMs} ms (target ≤ 60)`);
const mem = memory();
console.log(`6 MB worst case: request ${mem.requestBytes} bytes, response ${mem.responseBytes} bytes (${JSON.stringify(mem.results)}), peak RSS ${mem.peakRssMb} MB (idle ${mem.idleRssMb} MB)`);

console.log(
  JSON.stringify({
    batch: { records: batch.event.records.length, events: batch.events, inputBytes: batch.inputBytes, requestBytes: batch.requestBytes },
    throughput: { ...full, targetRatio: 0.5, withoutDeclaredFactValidation: trusting },
    expansion: { mix: mixed, byStream, byType, safeBufferMiB: safeBufferMiB(worstStream), recommendedBufferSizeInMBs: recommended },
    bundle: { bytes: bundleBytes, targetBytes: 300 * 1024 },
    coldStart: { ...cold, targetOverheadMs: 60 },
    memory: mem,
  }),
);
