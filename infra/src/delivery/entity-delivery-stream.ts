// One Firehose delivery stream per entity (Direct PUT): Lambda processor, raw source backup, Redshift destination
// whose CopyCommand is the generated one, CloudWatch error logging. Every value comes from the stream settings.
import { Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { bucketNamePlaceholder, type StreamSettings } from '@factline/stream-settings';
import { Construct } from 'constructs';
import { firehoseLogStreams } from '../constants.js';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';
import { DeliveryRole } from './delivery-role.js';

export interface EntityDeliveryStreamProps {
  stream: StreamSettings;
  storage: MasterDatasetBucket;
  transformer: lambda.IFunction;
  /** `jdbc:redshift://<endpoint>:<port>/<database>` */
  clusterJdbcUrl: string;
  /** `{ username, password }` of the loader user Firehose runs COPY as. */
  loaderSecret: secretsmanager.ISecret;
  logRetentionDays: number;
}

/**
 * The COPY options with the bucket name in place of the `${BucketName}` placeholder, as CloudFormation `Fn::Sub`
 * (the placeholder is Fn::Sub syntax; any other `${` is escaped so that Fn::Sub leaves it alone).
 *
 * @example
 * copyOptionsWithBucket("JSON 's3://${BucketName}/jsonpaths/booking_facts.json' GZIP", bucket.bucketName);
 */
export function copyOptionsWithBucket(copyOptions: string, bucketName: string): string {
  const escaped = copyOptions.split(bucketNamePlaceholder).map((part) => part.replace(/\$\{/g, '${!'));
  return Fn.sub(escaped.join(bucketNamePlaceholder), { BucketName: bucketName });
}

/**
 * @example
 * new EntityDeliveryStream(stack, 'Booking', { stream, storage, transformer: fn, clusterJdbcUrl, loaderSecret, logRetentionDays: 30 });
 */
export class EntityDeliveryStream extends Construct {
  readonly deliveryStream: firehose.CfnDeliveryStream;
  readonly logGroup: logs.LogGroup;
  readonly role: DeliveryRole;

  constructor(scope: Construct, id: string, props: EntityDeliveryStreamProps) {
    super(scope, id);
    const { stream, storage } = props;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/kinesisfirehose/${stream.deliveryStreamName}`,
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Firehose writes to these streams but does not create them when configured through the API.
    for (const name of Object.values(firehoseLogStreams)) new logs.LogStream(this, name, { logGroup: this.logGroup, logStreamName: name, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new DeliveryRole(this, 'Role', { stream, storage, transformer: props.transformer, logGroup: this.logGroup, loaderSecret: props.loaderSecret });
    const roleArn = this.role.role.roleArn;
    const logging = (logStreamName: string) => ({ enabled: true, logGroupName: this.logGroup.logGroupName, logStreamName });
    const hints = (h: StreamSettings['s3']['bufferingHints']) => ({ sizeInMBs: h.sizeInMBs, intervalInSeconds: h.intervalInSeconds });

    this.deliveryStream = new firehose.CfnDeliveryStream(this, 'Stream', {
      deliveryStreamName: stream.deliveryStreamName,
      deliveryStreamType: 'DirectPut',
      // Records at rest inside Firehose (up to 24 h while a destination is down) are encrypted at no charge.
      deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
      redshiftDestinationConfiguration: {
        clusterJdbcurl: props.clusterJdbcUrl,
        roleArn,
        secretsManagerConfiguration: { enabled: true, secretArn: props.loaderSecret.secretArn, roleArn },
        copyCommand: {
          dataTableName: stream.redshift.copyCommand.dataTableName,
          dataTableColumns: stream.redshift.copyCommand.dataTableColumns,
          copyOptions: copyOptionsWithBucket(stream.redshift.copyCommand.copyOptions, storage.bucket.bucketName),
        },
        retryOptions: { durationInSeconds: stream.redshift.retryDurationInSeconds },
        // The intermediate bucket is the master dataset itself: facts land in facts/<entity>/ and stay there.
        // No ErrorOutputPrefix: Firehose refuses one with a Redshift destination (it uses <prefix>processing-failed/).
        s3Configuration: {
          bucketArn: storage.bucket.bucketArn,
          roleArn,
          prefix: stream.s3.prefix,
          bufferingHints: hints(stream.s3.bufferingHints),
          compressionFormat: stream.s3.compressionFormat,
          cloudWatchLoggingOptions: logging(firehoseLogStreams.destination),
        },
        processingConfiguration: {
          enabled: true,
          processors: [
            {
              type: 'Lambda',
              parameters: [
                { parameterName: 'LambdaArn', parameterValue: props.transformer.functionArn },
                { parameterName: 'NumberOfRetries', parameterValue: String(stream.processor.numberOfRetries) },
                { parameterName: 'BufferSizeInMBs', parameterValue: String(stream.processor.bufferSizeInMBs) },
                { parameterName: 'BufferIntervalInSeconds', parameterValue: String(stream.processor.bufferIntervalInSeconds) },
              ],
            },
          ],
        },
        // The raw events, untouched, so that facts can be re-derived after a transformer bug.
        s3BackupMode: 'Enabled',
        s3BackupConfiguration: {
          bucketArn: storage.bucket.bucketArn,
          roleArn,
          prefix: stream.sourceBackup.prefix,
          errorOutputPrefix: stream.sourceBackup.errorOutputPrefix,
          bufferingHints: hints(stream.sourceBackup.bufferingHints),
          compressionFormat: stream.sourceBackup.compressionFormat,
          cloudWatchLoggingOptions: logging(firehoseLogStreams.backup),
        },
        cloudWatchLoggingOptions: logging(firehoseLogStreams.destination),
      },
    });
    // Firehose validates its role on creation: the policy must exist first.
    this.deliveryStream.node.addDependency(this.role);
  }

  /** `arn:aws:firehose:<region>:<account>:deliverystream/<name>` */
  get deliveryStreamArn(): string {
    return this.deliveryStream.attrArn;
  }
}
