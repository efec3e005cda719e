// `factline local start` in its own process: the banner with the real port, events sent with the AWS SDK land in
// DuckDB, `factline sql` reads the warehouse from another process while the stack runs, and Ctrl+C stops it cleanly.
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateScenario, sendEvents } from '@factline/demo-service';
import { createEventProducer } from '@factline/events';
import { runCaptured } from '../support/capture.js';
import { startFactline, waitUntil, type Child } from '../support/child.js';
import { repositoryRoot, temporaryProject } from '../support/local-project.js';

let dataDir: string;
let remove: () => Promise<void>;
let child: Child | undefined;
beforeEach(async () => {
  ({ dataDir, remove } = await temporaryProject());
});
afterEach(async () => {
  if (child !== undefined && child.process.exitCode === null) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  child = undefined;
  await remove();
});

describe('factline local start', () => {
  it('serves the Firehose API, loads what it delivers into DuckDB (readable by `factline sql` meanwhile), and stops on SIGINT', async () => {
    // Prepare
    child = startFactline(['local', 'start', '--port', '0', '--data-dir', dataDir, '--buffer-interval', '1']);
    const [, endpoint] = await child.waitForOutput(/Firehose endpoint +(http:\/\/127\.0\.0\.1:\d+)/);
    const firehose = new FirehoseClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const producer = createEventProducer({ firehose, producer: 'demo-service', lingerMs: 10 });
    const events = [...generateScenario({ events: 300, seed: 11 })];
    const sql = (query: string) => runCaptured(['sql', '--json', query, '--data-dir', dataDir], repositoryRoot);
    const loadedEvents = async (): Promise<number> => {
      const run = await sql(
        "select (select count(distinct event_id) from factline.accommodation_provider_facts) + (select count(distinct event_id) from factline.accommodation_facts) + (select count(distinct event_id) from factline.booking_facts) as n",
      );
      return run.code === 0 ? (JSON.parse(run.stdout) as { n: number }[])[0]!.n : -1;
    };
    // Act
    const report = await sendEvents({ producer, events });
    await producer.close();
    firehose.destroy();
    await waitUntil(async () => (await loadedEvents()) === 300, 60_000, 'the 300 events to be loaded');
    const ledger = await sql('select delivery_stream, count(*) as objects from factline.factline_loaded_objects group by 1 order by 1');
    child.process.kill('SIGINT');
    const code = await child.exited;
    // Assess
    expect(report).toMatchObject({ sent: 300, undelivered: 0 });
    expect(child.stdout()).toContain('factline local stack');
    expect(child.stdout()).toMatch(/Warehouse +.*warehouse\.duckdb/);
    expect((JSON.parse(ledger.stdout) as { delivery_stream: string }[]).map((r) => r.delivery_stream)).toEqual(['factline-accommodation', 'factline-accommodation-provider', 'factline-booking']);
    expect(code).toBe(0);
    expect(child.stderr()).toMatch(/[1-9]\d* migration\(s\) applied, 0 already applied/);
    expect(child.stderr()).toContain('local stack stopped');
  }, 120_000);
});
