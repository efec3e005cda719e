import { describe, expect, it } from 'vitest';
import { startFirehoseEmulator, type FirehoseEmulatorOptions } from '@factline/local';
import { testStream } from '../fixtures/streams.js';

describe('emulator options', () => {
  const invalid: [string, FirehoseEmulatorOptions][] = [
    ['a stream listed twice', { streams: [testStream(), testStream()] }],
    ['a stream name Firehose refuses', { streams: [{ ...testStream(), deliveryStreamName: 'no spaces' }] }],
    ['a stream named ..', { streams: [{ ...testStream(), deliveryStreamName: '..' }] }],
    ['a port out of range', { streams: [testStream()], port: 70_000 }],
    ['an interval over 900 s', { streams: [testStream()], buffering: { intervalInSeconds: 901 } }],
    ['a fault rate over 1', { streams: [testStream()], faults: { 'factline-booking': { callFailureRate: 1.5 } } }],
    ['faults for an unknown stream', { streams: [testStream()], faults: { 'factline-other': { callFailureRate: 0.1 } } }],
  ];
  it.each(invalid)('refuse %s with INVALID_OPTIONS before starting', async (_, options) => {
    await expect(startFirehoseEmulator({ dataDir: '/nonexistent/never-created', ...options })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', name: 'LocalStackError' });
  });
});
