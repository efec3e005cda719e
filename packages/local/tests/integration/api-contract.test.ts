// The Firehose API through the real @aws-sdk/client-firehose over real HTTP: every limit and every error shape.
import {
  DescribeDeliveryStreamCommand,
  ListDeliveryStreamsCommand,
  PutRecordBatchCommand,
  PutRecordCommand,
  type FirehoseServiceException,
} from '@aws-sdk/client-firehose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, text, type Harness } from '../fixtures/harness.js';
import { identity } from '../fixtures/handlers.js';
import { testStream } from '../fixtures/streams.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    streams: [testStream({ entity: 'booking', compressionFormat: 'GZIP' }), testStream({ entity: 'accommodation' }), testStream({ entity: 'accommodation_provider' })],
    transform: identity,
  });
});
afterAll(async () => {
  await harness.cleanup();
});

const stream = 'factline-booking';
const bytes = (length: number): Uint8Array => new Uint8Array(length).fill(0x61);

async function failure(promise: Promise<unknown>): Promise<FirehoseServiceException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error === undefined) throw new Error('expected the call to fail');
  return error as FirehoseServiceException;
}

describe('PutRecordBatch', () => {
  it('answers one RecordId per record, in order, with FailedPutCount 0 and Encrypted false', async () => {
    // Act
    const answer = await harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: ['a', 'b', 'c'].map((value) => ({ Data: text(value) })) }));
    // Assess
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.FailedPutCount).toBe(0);
    expect(answer.Encrypted).toBe(false);
    expect(answer.RequestResponses).toHaveLength(3);
    const ids = answer.RequestResponses!.map((entry) => entry.RecordId);
    expect(new Set(ids).size).toBe(3);
    for (const entry of answer.RequestResponses!) expect(entry).toEqual({ RecordId: expect.stringMatching(/^\d{56}$/) as unknown });
  });

  it('accepts 500 records and refuses 501 with a 400 ValidationException', async () => {
    const ok = await harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: Array.from({ length: 500 }, () => ({ Data: text('x') })) }));
    expect(ok.RequestResponses).toHaveLength(500);
    const error = await failure(harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: Array.from({ length: 501 }, () => ({ Data: text('x') })) })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500");
  });

  it('refuses an empty batch with a 400 ValidationException', async () => {
    const error = await failure(harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: [] })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    expect(error.message).toContain('Member must have length greater than or equal to 1');
  });

  it('accepts a record of exactly 1,024,000 bytes and refuses 1,024,001, naming the record', async () => {
    const ok = await harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: [{ Data: bytes(1_024_000) }] }));
    expect(ok.FailedPutCount).toBe(0);
    const error = await failure(harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: [{ Data: bytes(1) }, { Data: bytes(1_024_001) }] })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    expect(error.message).toBe(
      "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1024001 cap=1024001]' at 'records.2.member.data' failed to satisfy constraint: Member must have length less than or equal to 1024000",
    );
  });

  it('accepts exactly 4 MiB of records in one call and refuses one byte more with InvalidArgumentException', async () => {
    const exactly = [...Array.from({ length: 4 }, () => ({ Data: bytes(1_024_000) })), { Data: bytes(4 * 1024 * 1024 - 4 * 1_024_000) }];
    const ok = await harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: exactly }));
    expect(ok.FailedPutCount).toBe(0);
    const over = [...exactly, { Data: bytes(1) }];
    const error = await failure(harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: over })));
    expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['InvalidArgumentException', 400, 'Records size exceeds 4 MB limit']);
  });

  it('accepts an empty record', async () => {
    const answer = await harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: [{ Data: new Uint8Array() }] }));
    expect(answer.FailedPutCount).toBe(0);
  });

  it('refuses stream names outside ^[a-zA-Z0-9_.-]{1,64}$ with a 400 ValidationException', async () => {
    const cases: [string, string][] = [
      ['bad name', 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+'],
      ['x'.repeat(65), 'Member must have length less than or equal to 64'],
      ['', 'Member must have length greater than or equal to 1'],
    ];
    for (const [name, constraint] of cases) {
      const error = await failure(harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: [{ Data: text('x') }] })));
      expect([error.name, error.$metadata.httpStatusCode], name).toEqual(['ValidationException', 400]);
      expect(error.message, name).toContain(`at 'deliveryStreamName' failed to satisfy constraint: ${constraint}`);
    }
  });

  it('answers a 400 ResourceNotFoundException for a stream that does not exist', async () => {
    const error = await failure(harness.client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-nope', Records: [{ Data: text('x') }] })));
    expect([error.name, error.$metadata.httpStatusCode, error.$fault]).toEqual(['ResourceNotFoundException', 400, 'client']);
    expect(error.message).toBe('Firehose stream factline-nope under account 000000000000 not found.');
  });
});

describe('PutRecord', () => {
  it('answers a RecordId and Encrypted false', async () => {
    const answer = await harness.client.send(new PutRecordCommand({ DeliveryStreamName: stream, Record: { Data: text('single') } }));
    expect(answer.RecordId).toMatch(/^\d{56}$/);
    expect(answer.Encrypted).toBe(false);
  });

  it('refuses a record far over 1,000 KiB with a 400 ValidationException at record.data', async () => {
    const error = await failure(harness.client.send(new PutRecordCommand({ DeliveryStreamName: stream, Record: { Data: bytes(3_000_000) } })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    expect(error.message).toContain("at 'record.data' failed to satisfy constraint: Member must have length less than or equal to 1024000");
  });

  it('answers a 400 ResourceNotFoundException for a stream that does not exist', async () => {
    const error = await failure(harness.client.send(new PutRecordCommand({ DeliveryStreamName: 'factline-nope', Record: { Data: text('x') } })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
  });
});

describe('DescribeDeliveryStream', () => {
  it('describes an active Direct PUT stream with its Redshift destination, processor and source backup', async () => {
    // Act
    const { DeliveryStreamDescription: description } = await harness.client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: stream }));
    // Assess
    expect(description).toMatchObject({
      DeliveryStreamName: stream,
      DeliveryStreamARN: `arn:aws:firehose:us-east-1:000000000000:deliverystream/${stream}`,
      DeliveryStreamStatus: 'ACTIVE',
      DeliveryStreamType: 'DirectPut',
      VersionId: '1',
      HasMoreDestinations: false,
    });
    expect(description?.CreateTimestamp).toBeInstanceOf(Date);
    expect(Math.abs(description!.CreateTimestamp!.getTime() - Date.now())).toBeLessThan(600_000);
    const redshift = description?.Destinations?.[0]?.RedshiftDestinationDescription;
    expect(description?.Destinations?.[0]?.DestinationId).toBe('destinationId-000000000001');
    expect(redshift?.CopyCommand).toEqual({
      DataTableName: 'factline.booking_facts',
      DataTableColumns: 'fact_id,entity_id,fact_type,fact_version,occurred_at,recorded_at,event_id,event_type,event_version',
      CopyOptions: "JSON 's3://factline-local/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP",
    });
    expect(redshift?.S3DestinationDescription).toMatchObject({
      BucketARN: 'arn:aws:s3:::factline-local',
      Prefix: 'facts/booking/',
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 300 },
      CompressionFormat: 'GZIP',
    });
    expect(redshift?.S3DestinationDescription?.ErrorOutputPrefix).toBeUndefined();
    expect(redshift?.ProcessingConfiguration).toEqual({
      Enabled: true,
      Processors: [
        {
          Type: 'Lambda',
          Parameters: [
            { ParameterName: 'LambdaArn', ParameterValue: 'arn:aws:lambda:us-east-1:000000000000:function:factline-transformer:$LATEST' },
            { ParameterName: 'NumberOfRetries', ParameterValue: '3' },
            { ParameterName: 'BufferSizeInMBs', ParameterValue: '3' },
            { ParameterName: 'BufferIntervalInSeconds', ParameterValue: '60' },
          ],
        },
      ],
    });
    expect(redshift?.S3BackupMode).toBe('Enabled');
    expect(redshift?.S3BackupDescription).toMatchObject({ Prefix: 'raw/booking/', ErrorOutputPrefix: 'raw-errors/booking/!{firehose:error-output-type}/' });
    expect(redshift?.RetryOptions).toEqual({ DurationInSeconds: 3600 });
  });

  it('pages destinations after ExclusiveStartDestinationId', async () => {
    const answer = await harness.client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: stream, ExclusiveStartDestinationId: 'destinationId-000000000001' }));
    expect(answer.DeliveryStreamDescription?.Destinations).toEqual([]);
    expect(answer.DeliveryStreamDescription?.HasMoreDestinations).toBe(false);
  });

  it('answers ResourceNotFoundException for an unknown stream and ValidationException for a Limit of 0', async () => {
    const missing = await failure(harness.client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'factline-nope' })));
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
    const badLimit = await failure(harness.client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: stream, Limit: 0 })));
    expect([badLimit.name, badLimit.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  });
});

describe('ListDeliveryStreams', () => {
  it('lists the streams in name order, page by page', async () => {
    const first = await harness.client.send(new ListDeliveryStreamsCommand({ Limit: 2 }));
    expect(first.DeliveryStreamNames).toEqual(['factline-accommodation', 'factline-accommodation-provider']);
    expect(first.HasMoreDeliveryStreams).toBe(true);
    const second = await harness.client.send(new ListDeliveryStreamsCommand({ Limit: 2, ExclusiveStartDeliveryStreamName: 'factline-accommodation-provider' }));
    expect(second.DeliveryStreamNames).toEqual(['factline-booking']);
    expect(second.HasMoreDeliveryStreams).toBe(false);
    const all = await harness.client.send(new ListDeliveryStreamsCommand({}));
    expect(all.DeliveryStreamNames).toHaveLength(3);
  });

  it('filters by stream type: every emulated stream is DirectPut', async () => {
    expect((await harness.client.send(new ListDeliveryStreamsCommand({ DeliveryStreamType: 'DirectPut' }))).DeliveryStreamNames).toHaveLength(3);
    expect((await harness.client.send(new ListDeliveryStreamsCommand({ DeliveryStreamType: 'KinesisStreamAsSource' }))).DeliveryStreamNames).toEqual([]);
  });

  it('refuses a Limit outside 1 to 10,000 with a 400 ValidationException', async () => {
    for (const limit of [0, 10_001]) {
      const error = await failure(harness.client.send(new ListDeliveryStreamsCommand({ Limit: limit })));
      expect([error.name, error.$metadata.httpStatusCode], String(limit)).toEqual(['ValidationException', 400]);
    }
  });
});
