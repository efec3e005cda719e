// Alarms on everything that loses or delays data, all to one SNS topic: transformation failing, COPY into Redshift
// failing, data getting old inside Firehose (for Redshift and for the raw backup), ingestion throttled, the
// transformer erroring or throttled, and every object that lands in a failure folder.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StreamSettings } from '@factline/stream-settings';
import { Construct } from 'constructs';

export interface PipelineAlarmsProps {
  streams: readonly StreamSettings[];
  transformer: lambda.IFunction;
  bucket: s3.IBucket;
  email?: string;
  /** Default per stream: processor interval + S3 buffer interval + 15 minutes. */
  dataFreshnessSeconds?: number;
}

const period = Duration.minutes(5);

/**
 * The freshness threshold of a stream: its two buffer intervals plus a 15-minute margin for COPY and retries.
 *
 * @example
 * defaultFreshnessSeconds(stream); // 60 + 300 + 900 = 1260 with the default settings
 */
export function defaultFreshnessSeconds(stream: StreamSettings): number {
  return stream.processor.bufferIntervalInSeconds + stream.s3.bufferingHints.intervalInSeconds + 900;
}

/**
 * @example
 * const alarms = new PipelineAlarms(stack, 'Alarms', { streams, transformer: fn, bucket, email: 'data-oncall@example.com' });
 * alarms.topic; // subscribe a pager to it
 */
export class PipelineAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    // Alarm notifications carry metric names and object keys, never facts: TLS-only, no customer key needed.
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'factline pipeline alarms', enforceSSL: true });
    if (props.email !== undefined) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const notify = new actions.SnsAction(this.topic);
    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold: number, comparison: cloudwatch.ComparisonOperator, evaluationPeriods = 1, datapointsToAlarm = 1) => {
      const created = new cloudwatch.Alarm(this, alarmId, { alarmDescription: description, metric, threshold, comparisonOperator: comparison, evaluationPeriods, datapointsToAlarm, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING });
      created.addAlarmAction(notify);
      this.alarms.push(created);
    };
    const { GREATER_THAN_THRESHOLD: above, LESS_THAN_THRESHOLD: below, GREATER_THAN_OR_EQUAL_TO_THRESHOLD: atLeast } = cloudwatch.ComparisonOperator;

    for (const stream of props.streams) {
      const name = stream.deliveryStreamName;
      const metric = (metricName: string, statistic: string) => new cloudwatch.Metric({ namespace: 'AWS/Firehose', metricName, dimensionsMap: { DeliveryStreamName: name }, statistic, period });
      const freshness = props.dataFreshnessSeconds ?? defaultFreshnessSeconds(stream);
      alarm(`${name}-ProcessingFailed`, `${name}: transformer invocations are failing; after ${stream.processor.numberOfRetries} retries Firehose writes the whole batch to ${stream.s3.processingFailedPrefix}.`, metric('ExecuteProcessing.Success', 'Average'), 1, below);
      // Firehose retries a failed COPY every 5 minutes; two failed rounds out of three is not a blip.
      alarm(`${name}-RedshiftDeliveryFailed`, `${name}: COPY into ${stream.redshift.copyCommand.dataTableName} is failing (see the DestinationDelivery log stream and SYS_LOAD_ERROR_DETAIL).`, metric('DeliveryToRedshift.Success', 'Average'), 1, below, 3, 2);
      alarm(`${name}-RedshiftDataStale`, `${name}: the oldest record not yet in Redshift is older than ${freshness} s.`, metric('DeliveryToRedshift.DataFreshness', 'Maximum'), freshness, above);
      alarm(`${name}-RawBackupStale`, `${name}: the oldest raw event not yet backed up to ${stream.sourceBackup.prefix} is older than ${freshness} s (Firehose drops data it could not deliver within 24 h).`, metric('BackupToS3.DataFreshness', 'Maximum'), freshness, above);
      alarm(`${name}-IngestionThrottled`, `${name}: producers are being throttled (records rejected with ServiceUnavailableException); raise the stream's quota or slow the producers.`, metric('ThrottledRecords', 'Sum'), 1, atLeast);
      this.failureRule(`${name}-ProcessingFailedObject`, props.bucket, stream.s3.processingFailedPrefix, `${name}: records failed transformation and were written to`);
      // Once the retry duration is over Firehose skips the batch and writes its manifest under <prefix>errors/.
      this.failureRule(`${name}-RedshiftSkippedManifest`, props.bucket, `${stream.s3.prefix}errors/`, `${name}: COPY gave up after ${stream.redshift.retryDurationInSeconds} s; backfill from the manifest at`);
    }
    alarm('TransformerErrors', 'The transformer Lambda returned errors (Firehose retries, then fails the whole batch).', props.transformer.metricErrors({ period, statistic: 'Sum' }), 1, atLeast);
    alarm('TransformerThrottles', 'The transformer Lambda is throttled (account or reserved concurrency): delivery is delayed.', props.transformer.metricThrottles({ period, statistic: 'Sum' }), 1, atLeast);
  }

  private failureRule(id: string, bucket: s3.IBucket, prefix: string, message: string): void {
    const rule = new events.Rule(this, id, {
      description: `${message} s3://…/${prefix}`.slice(0, 512),
      eventPattern: { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [bucket.bucketName] }, object: { key: [{ prefix }] } } },
    });
    const input = events.RuleTargetInput.fromText(`${message} s3://${events.EventField.fromPath('$.detail.bucket.name')}/${events.EventField.fromPath('$.detail.object.key')}`);
    rule.addTarget({ bind: () => ({ arn: this.topic.topicArn, input }) });
    // EventBridge may publish to the topic for this rule only (the stock SNS target allows every rule of every account).
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('events.amazonaws.com')], actions: ['sns:Publish'], resources: [this.topic.topicArn], conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } } }),
    );
    this.rules.push(rule);
  }
}
