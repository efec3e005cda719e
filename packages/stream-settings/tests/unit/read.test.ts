import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStreamSettings, readStreamSettings, renderCopyOptions, StreamSettingsError, type StreamSettingsFile } from '@factline/stream-settings';

export const sampleSettings: StreamSettingsFile = {
  formatVersion: 1,
  generatedBy: 'test',
  warehouse: { schema: 'factline' },
  streams: [
    {
      entity: 'booking',
      deliveryStreamName: 'factline-booking',
      eventTypes: ['booking.cancelled', 'booking.requested'],
      s3: { prefix: 'facts/booking/', processingFailedPrefix: 'facts/booking/processing-failed/', bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 }, compressionFormat: 'GZIP' },
      sourceBackup: { prefix: 'raw/booking/', errorOutputPrefix: 'raw-errors/booking/!{firehose:error-output-type}/', bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 }, compressionFormat: 'GZIP' },
      processor: { bufferSizeInMBs: 3, bufferIntervalInSeconds: 60, numberOfRetries: 3 },
      redshift: {
        table: { schema: 'factline', name: 'booking_facts' },
        jsonPathsKey: 'jsonpaths/booking_facts.json',
        copyCommand: { dataTableName: 'factline.booking_facts', dataTableColumns: 'fact_id,entity_id', copyOptions: "JSON 's3://${BucketName}/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP" },
        retryDurationInSeconds: 3600,
      },
    },
  ],
};

describe('stream settings', () => {
  it('accepts a well-formed file', () => {
    expect(parseStreamSettings(sampleSettings)).toEqual({ ok: true, settings: sampleSettings });
  });

  it('names the JSON Pointer of each problem', () => {
    const broken = structuredClone(sampleSettings) as unknown as { streams: { deliveryStreamName: string; processor: { bufferSizeInMBs: number } }[] };
    broken.streams[0]!.deliveryStreamName = 'has spaces';
    broken.streams[0]!.processor.bufferSizeInMBs = 6;
    const result = parseStreamSettings(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.pointer).sort()).toEqual(['/streams/0/deliveryStreamName', '/streams/0/processor/bufferSizeInMBs']);
  });

  it('replaces the bucket placeholder in COPY options', () => {
    expect(renderCopyOptions(sampleSettings.streams[0]!, 'my-bucket')).toBe("JSON 's3://my-bucket/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP");
  });

  it('refuses an unreadable file with an error naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factline-settings-'));
    const file = path.join(dir, 'stream-settings.json');
    await writeFile(file, '{ not json');
    await expect(readStreamSettings(file)).rejects.toBeInstanceOf(StreamSettingsError);
    await expect(readStreamSettings(file)).rejects.toThrow(file);
  });
});
