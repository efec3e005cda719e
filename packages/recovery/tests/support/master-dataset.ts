// A master dataset written by hand into a folder bucket: raw source backup objects of envelopes, named like
// Firehose's, to re-derive from.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DemoEvent } from '@factline/demo-service';
import { createFolderObjectStore, type FolderObjectStore } from '@factline/object-store';
import { readStreamSettings, type StreamSettings, type StreamSettingsFile } from '@factline/stream-settings';
import { repositoryRoot } from './pipeline.js';

export interface TestBucket {
  store: FolderObjectStore;
  settings: StreamSettingsFile;
  stream(entity: string): StreamSettings;
  /** Writes a raw backup object of the entity's stream, arrived at `at`, holding the lines given. */
  putRaw(entity: string, at: string, lines: readonly string[], uuid?: string): Promise<string>;
  dispose(): Promise<void>;
}

export function envelope(event: DemoEvent): string {
  return JSON.stringify({ event_id: event.eventId, event_type: event.type, event_version: event.version, occurred_at: event.occurredAt, producer: 'demo-service', payload: event.payload });
}

export async function testBucket(): Promise<TestBucket> {
  const root = await mkdtemp(path.join(tmpdir(), 'factline-recovery-'));
  const store = createFolderObjectStore({ bucket: 'factline-local', root });
  const settings = await readStreamSettings(path.join(repositoryRoot, 'generated/stream-settings.json'));
  const stream = (entity: string) => settings.streams.find((s) => s.entity === entity)!;
  return {
    store,
    settings,
    stream,
    async putRaw(entity, at, lines, uuid = '0d3c6d0e-0b7e-4bd4-9f0e-5c5e0a2b7d11') {
      const s = stream(entity);
      const [date, time] = at.replace('Z', '').split('T') as [string, string];
      const [y, m, d] = date.split('-');
      const [hh, mm, ss] = time.split(':').map((p) => p.slice(0, 2));
      const gzip = s.sourceBackup.compressionFormat === 'GZIP';
      const key = `${s.sourceBackup.prefix}${y}/${m}/${d}/${hh}/${s.deliveryStreamName}-1-${y}-${m}-${d}-${hh}-${mm}-${ss}-${uuid}${gzip ? '.gz' : ''}`;
      const body = lines.map((l) => `${l}\n`).join('');
      await store.put(key, gzip ? gzipSync(body) : body);
      return key;
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
