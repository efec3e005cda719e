// Run in a fresh node process by the benchmark: import the bundle and answer one small event (or, with no bundle
// argument, do nothing: the bare node floor).
import { Buffer } from 'node:buffer';
const bundle = process.argv[2];
if (bundle !== undefined) {
  const { handler } = await import(bundle);
  const data = Buffer.from(`${process.argv[3]}\n`).toString('base64');
  const response = await handler({ invocationId: 'cold', deliveryStreamArn: 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/factline-booking', region: 'eu-west-1', records: [{ recordId: '1', approximateArrivalTimestamp: 1777629601234, data }] });
  if (response.records[0].result !== 'Ok') throw new Error(`cold start answered ${response.records[0].result}`);
}
