// The managed policy producer services attach: send records to factline's delivery streams, nothing else.
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * `firehose:PutRecordBatch` and `firehose:PutRecord` on the given streams only (no Describe, no Update, no Delete).
 *
 * @example
 * const policy = new ProducerPolicy(stack, 'ProducerPolicy', { deliveryStreamArns }).policy;
 * policy.attachToRole(serviceRole);
 */
export class ProducerPolicy extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: { deliveryStreamArns: string[] }) {
    super(scope, id);
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'factline producers: send events to the factline delivery streams.',
      statements: [new iam.PolicyStatement({ sid: 'SendEvents', actions: ['firehose:PutRecordBatch', 'firehose:PutRecord'], resources: props.deliveryStreamArns })],
    });
  }
}
