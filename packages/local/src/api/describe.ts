// DescribeDeliveryStream's answer, built from the stream settings: a Direct PUT stream with one Redshift destination,
// its intermediate S3 configuration, the Lambda processor and the source backup, as the real service reports them.
import { renderCopyOptions, type StreamSettings } from '@factline/stream-settings';
import { destinationId, streamVersion } from '../constants.js';

export interface DescribeContext {
  region: string;
  accountId: string;
  bucket: string;
  lambdaArn: string;
  hasTransform: boolean;
  /** Overrides the stream's NumberOfRetries when set. */
  numberOfRetries: number | undefined;
  /** Epoch ms when the emulator started (the stream's creation time as far as callers can tell). */
  createdAt: number;
}

export function deliveryStreamArn(stream: StreamSettings, context: Pick<DescribeContext, 'region' | 'accountId'>): string {
  return `arn:aws:firehose:${context.region}:${context.accountId}:deliverystream/${stream.deliveryStreamName}`;
}

export function describeDeliveryStream(stream: StreamSettings, context: DescribeContext, page: { limit: number | undefined; exclusiveStartDestinationId: string | undefined }): unknown {
  const roleArn = `arn:aws:iam::${context.accountId}:role/factline-firehose-${stream.entity}`;
  const bucketArn = `arn:aws:s3:::${context.bucket}`;
  const noLogging = { Enabled: false };
  const encryption = { NoEncryptionConfig: 'NoEncryption' };
  const destination = {
    DestinationId: destinationId,
    RedshiftDestinationDescription: {
      RoleARN: roleArn,
      ClusterJDBCURL: 'jdbc:redshift://127.0.0.1:5439/factline',
      CopyCommand: {
        DataTableName: stream.redshift.copyCommand.dataTableName,
        DataTableColumns: stream.redshift.copyCommand.dataTableColumns,
        CopyOptions: renderCopyOptions(stream, context.bucket),
      },
      Username: 'factline',
      RetryOptions: { DurationInSeconds: stream.redshift.retryDurationInSeconds },
      S3DestinationDescription: {
        RoleARN: roleArn,
        BucketARN: bucketArn,
        Prefix: stream.s3.prefix,
        BufferingHints: { SizeInMBs: stream.s3.bufferingHints.sizeInMBs, IntervalInSeconds: stream.s3.bufferingHints.intervalInSeconds },
        CompressionFormat: stream.s3.compressionFormat,
        EncryptionConfiguration: encryption,
        CloudWatchLoggingOptions: noLogging,
      },
      ProcessingConfiguration: {
        Enabled: context.hasTransform,
        Processors: [
          {
            Type: 'Lambda',
            Parameters: [
              { ParameterName: 'LambdaArn', ParameterValue: context.lambdaArn },
              { ParameterName: 'NumberOfRetries', ParameterValue: String(context.numberOfRetries ?? stream.processor.numberOfRetries) },
              { ParameterName: 'BufferSizeInMBs', ParameterValue: String(stream.processor.bufferSizeInMBs) },
              { ParameterName: 'BufferIntervalInSeconds', ParameterValue: String(stream.processor.bufferIntervalInSeconds) },
            ],
          },
        ],
      },
      S3BackupMode: 'Enabled',
      S3BackupDescription: {
        RoleARN: roleArn,
        BucketARN: bucketArn,
        Prefix: stream.sourceBackup.prefix,
        ErrorOutputPrefix: stream.sourceBackup.errorOutputPrefix,
        BufferingHints: { SizeInMBs: stream.sourceBackup.bufferingHints.sizeInMBs, IntervalInSeconds: stream.sourceBackup.bufferingHints.intervalInSeconds },
        CompressionFormat: stream.sourceBackup.compressionFormat,
        EncryptionConfiguration: encryption,
        CloudWatchLoggingOptions: noLogging,
      },
      CloudWatchLoggingOptions: noLogging,
    },
  };
  const destinations = page.exclusiveStartDestinationId === undefined || page.exclusiveStartDestinationId < destinationId ? [destination] : [];
  const limited = destinations.slice(0, page.limit ?? destinations.length);
  return {
    DeliveryStreamDescription: {
      DeliveryStreamName: stream.deliveryStreamName,
      DeliveryStreamARN: deliveryStreamArn(stream, context),
      DeliveryStreamStatus: 'ACTIVE',
      DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
      DeliveryStreamType: 'DirectPut',
      VersionId: String(streamVersion),
      // awsJson1_1 timestamps are epoch seconds.
      CreateTimestamp: context.createdAt / 1000,
      Destinations: limited,
      HasMoreDestinations: limited.length < destinations.length,
    },
  };
}
