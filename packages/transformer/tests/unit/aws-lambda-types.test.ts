// The handler fits the community Lambda types, so an app can export it as a FirehoseTransformationHandler.
import type { FirehoseTransformationEvent as AwsEvent, FirehoseTransformationResult as AwsResult } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { domain } from '@factline/events';
import { createHandler, createTransformer } from '@factline/transformer';
import { envelope, pack } from '../fixtures/helpers.js';

describe('types', () => {
  it('accepts the aws-lambda Firehose event and returns an aws-lambda Firehose result', async () => {
    // Prepare
    const handler = createHandler({ transformer: createTransformer({ domain }), logger: { info: () => {}, warn: () => {}, error: () => {} } });
    const event: AwsEvent = { invocationId: 'i', deliveryStreamArn: 'arn', region: 'eu-west-1', records: [{ recordId: 'r', approximateArrivalTimestamp: 1, data: pack(envelope('booking.confirmed')) }] };

    // Act
    const result: AwsResult = await handler(event);

    // Assess
    expectTypeOf<AwsEvent>().toExtend<Parameters<typeof handler>[0]>();
    expect(result.records[0]?.result).toBe('Ok');
  });
});
