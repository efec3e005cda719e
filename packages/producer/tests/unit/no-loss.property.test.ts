// Under random faults, every event is either acknowledged exactly once, byte for byte and in order within its
// record, or handed back to the caller with its data and context. Nothing vanishes; nothing is acknowledged twice.
import type { PutRecordBatchCommandInput } from '@aws-sdk/client-firehose';
import { createProducer, DeliveryError, type EventData, type FailedEvent } from '@factline/producer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgeAll, mockFirehose, networkError, recordsOf, refuse, serviceError, type Answer } from '../support/mock-firehose.js';

const faultKinds = ['ok', 'ok', 'refuse-some', 'refuse-all', '503', 'network', 'written-then-reset', 'not-found', 'malformed'] as const;
type Fault = { kind: (typeof faultKinds)[number]; mask: number };

const scenario = fc.record({
  streams: fc.integer({ min: 1, max: 3 }),
  events: fc.array(fc.record({ stream: fc.nat(2), size: fc.oneof(fc.integer({ min: 20, max: 600 }), fc.integer({ min: 600, max: 6_000 })), bytes: fc.boolean() }), { minLength: 1, maxLength: 120 }),
  faults: fc.array(fc.record({ kind: fc.constantFrom(...faultKinds), mask: fc.nat() }), { minLength: 1, maxLength: 20 }),
  packing: fc.boolean(),
  maxRecordBytes: fc.constantFrom(256, 1_024, 5_120),
  maxBatchRecords: fc.integer({ min: 1, max: 8 }),
  maxConcurrency: fc.integer({ min: 1, max: 4 }),
  maxBufferedBytes: fc.constantFrom(3_000, 50_000, 16 * 1024 * 1024),
  lingerMs: fc.constantFrom(0, 1, 3_600_000),
  maxAttempts: fc.integer({ min: 1, max: 5 }),
  burst: fc.integer({ min: 1, max: 40 }),
  flushEvery: fc.integer({ min: 0, max: 60 }),
});

interface Sent {
  stream: string;
  id: string;
  data: EventData;
  context: { id: string };
}

function answer(fault: Fault, input: PutRecordBatchCommandInput, written: Buffer[], acknowledged: Buffer[]): Answer {
  const records = recordsOf(input);
  const refusedByMask = records.flatMap((_, i) => ((fault.mask >> i % 30) & 1 ? [i] : []));
  const ack = (refused: number[]) => {
    const skip = new Set(refused);
    records.forEach((r, i) => !skip.has(i) && acknowledged.push(r));
    return refuse(input, refused);
  };
  switch (fault.kind) {
    case 'ok':
      return ack([]);
    case 'refuse-some':
      return ack(refusedByMask);
    case 'refuse-all':
      return ack(records.map((_, i) => i));
    case '503':
      return serviceError('ServiceUnavailableException', 503, 'Slow down.');
    case 'network':
      return networkError('ECONNRESET');
    case 'written-then-reset':
      // The write happened but the answer was lost: a retry may store these records twice (documented at-least-once).
      written.push(...records);
      return networkError('ECONNRESET');
    case 'not-found':
      return serviceError('ResourceNotFoundException', 400);
    case 'malformed':
      return { ...acknowledgeAll(input), RequestResponses: [] };
  }
}

const same = (a: EventData, b: EventData) => typeof a === typeof b && Buffer.from(a).equals(Buffer.from(b));

describe('no silent loss', () => {
  it('delivers every event exactly as sent or hands it back, under random faults', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // Prepare
        const acknowledged: Buffer[] = [];
        const written: Buffer[] = [];
        const calls: PutRecordBatchCommandInput[] = [];
        const { client } = mockFirehose((input, call) => {
          calls.push(input);
          const fault = s.faults[(call - 1) % s.faults.length]!;
          return answer(fault, input, written, acknowledged);
        });
        const hooked: FailedEvent<{ id: string }>[] = [];
        const handedBack: FailedEvent<{ id: string }>[] = [];
        const collect = (error: unknown) => {
          if (!(error instanceof DeliveryError)) throw error;
          handedBack.push(...(error as DeliveryError<{ id: string }>).failures);
        };
        const producer = createProducer<{ id: string }>({
          firehose: client,
          packing: s.packing,
          maxRecordBytes: s.maxRecordBytes,
          maxBatchRecords: s.maxBatchRecords,
          maxConcurrency: s.maxConcurrency,
          maxBufferedBytes: s.maxBufferedBytes,
          lingerMs: s.lingerMs,
          retry: { maxAttempts: s.maxAttempts, baseDelayMs: 0, maxDelayMs: 1 },
          onFailure: (failures) => void hooked.push(...failures),
        });
        const sent: Sent[] = s.events.map((e, n) => {
          const stream = `stream-${e.stream % s.streams}`;
          const id = `${stream}#${n}`;
          const text = JSON.stringify({ id, pad: 'p'.repeat(Math.max(0, e.size - id.length - 17)) });
          return { stream, id, data: e.bytes ? new TextEncoder().encode(text) : text, context: { id } };
        });

        // Act: sends in bursts without waiting for each, with flushes in between.
        const flushes: Promise<void>[] = [];
        let burst: Promise<void>[] = [];
        for (const [n, event] of sent.entries()) {
          burst.push(producer.send(event.stream, event.data, event.context));
          if (burst.length >= s.burst) await Promise.all(burst.splice(0));
          if (s.flushEvery > 0 && n % s.flushEvery === s.flushEvery - 1) flushes.push(producer.flush().catch(collect));
        }
        await Promise.all(burst);
        await Promise.all(flushes);
        await producer.close().catch(collect);
        burst = [];

        // Assess: acknowledged records hold runs of their stream's events, in send order, byte for byte.
        const byId = new Map(sent.map((e) => [e.id, e]));
        const acked = new Map<string, number>();
        for (const record of [...acknowledged, ...written]) expect(record.at(-1)).toBe(0x0a);
        for (const record of acknowledged) {
          const lines = record.toString('utf8').split('\n').slice(0, -1);
          const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
          lines.forEach((l, i) => expect(Buffer.from(l).equals(Buffer.from(byId.get(ids[i]!)!.data))).toBe(true));
          const order = ids.map((id) => sent.indexOf(byId.get(id)!));
          const streamOrder = sent.filter((e) => e.stream === byId.get(ids[0]!)!.stream).map((e) => sent.indexOf(e));
          const start = streamOrder.indexOf(order[0]!);
          expect(order).toEqual(streamOrder.slice(start, start + order.length));
          for (const id of ids) acked.set(id, (acked.get(id) ?? 0) + 1);
        }
        // Every event: acknowledged once, or handed back once with its own data and context; never both.
        const failed = new Map(handedBack.map((f) => [f.context!.id, f]));
        expect(failed.size).toBe(handedBack.length);
        for (const event of sent) {
          const ackCount = acked.get(event.id) ?? 0;
          const failure = failed.get(event.id);
          expect(ackCount + (failure ? 1 : 0)).toBe(1);
          if (failure) {
            expect(failure.context).toBe(event.context);
            expect(failure.streamName).toBe(event.stream);
            expect(same(failure.data, event.data)).toBe(true);
          }
        }
        expect(hooked).toEqual(expect.arrayContaining(handedBack));
        expect(hooked).toHaveLength(handedBack.length);
        // Calls keep to the limits, and the counters agree with what happened.
        for (const call of calls) expect(call.Records!.length).toBeLessThanOrEqual(s.maxBatchRecords);
        expect(producer.metrics()).toMatchObject({ eventsAccepted: sent.length, eventsDelivered: acked.size, eventsFailed: failed.size, eventsBuffered: 0, bytesBuffered: 0, calls: calls.length });
      }),
      { numRuns: 150 },
    );
  });
});
