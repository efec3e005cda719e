// pnpm --filter @factline/producer bench (or pnpm bench:producer from the root).
// 1. Cost: Firehose billing units per 1,000 events of the sample domain's mix, packed versus one event per record.
// 2. Throughput: the producer against a floor measured in the same run: the same events, pre-encoded into the same
//    records, sent by a bare PutRecordBatch loop with the same concurrency, to a local endpoint in a child process.
//    Wall time is what the target is about; CPU time of this process (the endpoint's is not in it) is reported too,
//    because it stays steady on a machine that other work keeps busy.
// The last line of output is one JSON object.
import { fork } from 'node:child_process';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { createProducer, firehoseLimits, type ProducerMetrics } from '@factline/producer';
import { sampleEvents, type SampleEvent } from './sample-events.js';

const costEvents = 20_000;
const throughputEvents = 100_000;
const concurrency = 4;
const rounds = 9;

interface Totals {
  requests: number;
  records: number;
  bytes: number;
  events: number;
}

const endpoint = fork(new URL('./firehose-server.mjs', import.meta.url), { execArgv: [] });
const port = await new Promise<number>((resolve) => endpoint.once('message', (m: { port: number }) => resolve(m.port)));
const totals = () => new Promise<Totals>((resolve) => {
  endpoint.once('message', (m: { totals: Totals }) => resolve(m.totals));
  endpoint.send('totals');
});

/** Wall and CPU milliseconds of `work`. */
async function measure(work: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}
const client = new FirehoseClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });

async function runProducer(events: readonly SampleEvent[], packing: boolean): Promise<{ ms: number; cpuMs: number; metrics: ProducerMetrics }> {
  const producer = createProducer({ firehose: client, packing, maxConcurrency: concurrency });
  const time = await measure(async () => {
    for (const event of events) await producer.send(event.streamName, event.line);
    await producer.close();
  });
  return { ...time, metrics: producer.metrics() };
}

/** The floor's input: the same greedy packing under 5,120 bytes and the same call limits, done before timing. */
function preEncode(events: readonly SampleEvent[]): { streamName: string; records: Buffer[] }[] {
  const lines = new Map<string, string[]>();
  for (const e of events) {
    const streamLines = lines.get(e.streamName) ?? [];
    streamLines.push(e.line);
    lines.set(e.streamName, streamLines);
  }
  const batches: { streamName: string; records: Buffer[] }[] = [];
  for (const [streamName, streamLines] of lines) {
    const records: Buffer[] = [];
    let open: string[] = [];
    let size = 0;
    for (const line of streamLines) {
      const bytes = Buffer.byteLength(line) + 1;
      if (open.length > 0 && size + bytes > firehoseLimits.billingUnitBytes) {
        records.push(Buffer.from(`${open.join('\n')}\n`));
        open = [];
        size = 0;
      }
      open.push(line);
      size += bytes;
    }
    if (open.length > 0) records.push(Buffer.from(`${open.join('\n')}\n`));
    for (let i = 0; i < records.length; i += firehoseLimits.maxBatchRecords) batches.push({ streamName, records: records.slice(i, i + firehoseLimits.maxBatchRecords) });
  }
  return batches;
}

async function runFloor(batches: ReturnType<typeof preEncode>): Promise<{ ms: number; cpuMs: number }> {
  let next = 0;
  const loop = async () => {
    for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
      const output = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: batch.streamName, Records: batch.records.map((data) => ({ Data: data })) }));
      if (output.FailedPutCount !== 0) throw new Error('the local endpoint refused records');
    }
  };
  return measure(async () => {
    await Promise.all(Array.from({ length: concurrency }, loop));
  });
}

async function expectDelivered(what: string, events: number): Promise<Totals> {
  const seen = await totals();
  if (seen.events !== events) throw new Error(`${what}: the endpoint received ${seen.events} events, expected ${events}`);
  return seen;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

// 1. Cost
const costInput = sampleEvents(costEvents, 1);
const packed = await runProducer(costInput, true);
await expectDelivered('cost, packed', costEvents);
const unpacked = await runProducer(costInput, false);
await expectDelivered('cost, unpacked', costEvents);
const eventBytes = costInput.reduce((sum, e) => sum + Buffer.byteLength(e.line), 0);
const cost = {
  events: costEvents,
  meanEventBytes: round(eventBytes / costEvents, 1),
  packedUnitsPer1000: round((packed.metrics.billableUnits / costEvents) * 1000, 2),
  unpackedUnitsPer1000: round((unpacked.metrics.billableUnits / costEvents) * 1000, 2),
  eventsPerPackedRecord: round(costEvents / packed.metrics.recordsDelivered, 2),
  cost_ratio: round(packed.metrics.billableUnits / unpacked.metrics.billableUnits, 4),
};
console.log(`cost: ${cost.packedUnitsPer1000} units per 1,000 events packed vs ${cost.unpackedUnitsPer1000} unpacked (mean event ${cost.meanEventBytes} B, ${cost.eventsPerPackedRecord} events per record): cost_ratio ${cost.cost_ratio}`);

// 2. Throughput: a warm-up of each, then alternating rounds. Each round runs the floor and the producer back to
// back, so a busy machine slows both alike: the median of the per-round ratios is the figure.
const events = sampleEvents(throughputEvents, 2);
const batches = preEncode(events);
const rounds_: { floor: { ms: number; cpuMs: number }; producer: { ms: number; cpuMs: number } }[] = [];
let floorTotals: Totals | undefined;
let producerTotals: Totals | undefined;
for (let i = 0; i <= rounds; i += 1) {
  const floor = await runFloor(batches);
  floorTotals = await expectDelivered('floor', throughputEvents);
  const run = await runProducer(events, true);
  producerTotals = await expectDelivered('producer', throughputEvents);
  if (run.metrics.eventsDelivered !== throughputEvents) throw new Error(`the producer reports ${run.metrics.eventsDelivered} delivered events`);
  if (i === 0) continue;
  rounds_.push({ floor, producer: run });
  console.log(`round ${i}: floor ${floor.ms.toFixed(0)} ms (${floor.cpuMs.toFixed(0)} ms CPU), producer ${run.ms.toFixed(0)} ms (${run.cpuMs.toFixed(0)} ms CPU): ratio ${(floor.ms / run.ms).toFixed(3)}, CPU ratio ${(floor.cpuMs / run.cpuMs).toFixed(3)}`);
}
const floorMs = median(rounds_.map((r) => r.floor.ms));
const producerMs = median(rounds_.map((r) => r.producer.ms));
const throughput = {
  events: throughputEvents,
  concurrency,
  records: { floor: floorTotals?.records, producer: producerTotals?.records },
  calls: { floor: floorTotals?.requests, producer: producerTotals?.requests },
  floorMs: round(floorMs, 1),
  producerMs: round(producerMs, 1),
  floorEventsPerSecond: Math.round(throughputEvents / (floorMs / 1000)),
  producerEventsPerSecond: Math.round(throughputEvents / (producerMs / 1000)),
  ratio: round(median(rounds_.map((r) => r.floor.ms / r.producer.ms))),
  roundRatios: rounds_.map((r) => round(r.floor.ms / r.producer.ms)),
  floorCpuMs: round(median(rounds_.map((r) => r.floor.cpuMs)), 1),
  producerCpuMs: round(median(rounds_.map((r) => r.producer.cpuMs)), 1),
  cpuRatio: round(median(rounds_.map((r) => r.floor.cpuMs / r.producer.cpuMs))),
};
console.log(`throughput: floor ${throughput.floorEventsPerSecond} events/s, producer ${throughput.producerEventsPerSecond} events/s (medians of ${rounds}): ratio ${throughput.ratio}, CPU ratio ${throughput.cpuRatio}`);

client.destroy();
endpoint.send('close');
console.log(JSON.stringify({ bench: 'producer', cost_ratio: cost.cost_ratio, ratio: throughput.ratio, targets: { cost_ratio: '<= 0.2', ratio: '>= 0.7' }, cost, throughput }));
