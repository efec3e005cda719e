// The master dataset: one bucket holding facts/, raw/, raw-errors/ and jsonpaths/ (docs/architecture.md, "The
// master dataset"). Immutable data, so the defaults keep everything and only make keeping it cheaper.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { InfraConfig } from '../config.js';

export interface MasterDatasetBucketProps {
  encryption: InfraConfig['encryption'];
  bucketName?: string;
  lifecycle: InfraConfig['lifecycle'];
  /** The `facts/<entity>/` prefixes, for the per-entity processing-failed expiry. */
  factPrefixes: readonly string[];
  /** Names the key alias. */
  aliasPrefix: string;
}

/**
 * The encrypted, versioned, TLS-only master-dataset bucket with its access-log bucket.
 *
 * @example
 * const storage = new MasterDatasetBucket(stack, 'MasterDataset', { encryption: 'kms', lifecycle, factPrefixes: ['facts/booking/'], aliasPrefix: 'factline' });
 * storage.grantKms(role, ['kms:GenerateDataKey']);
 */
export class MasterDatasetBucket extends Construct {
  readonly bucket: s3.Bucket;
  /** The customer-managed key, when `encryption` is `kms`. */
  readonly key: kms.Key | undefined;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: MasterDatasetBucketProps) {
    super(scope, id);
    // S3 server access logging cannot deliver to an SSE-KMS bucket, so the log bucket uses SSE-S3.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(props.lifecycle.accessLogsExpireAfterDays) }],
    });
    this.key =
      props.encryption === 'kms'
        ? new kms.Key(this, 'Key', {
            description: 'Encrypts the factline master dataset (facts, raw events, errors, JSONPaths).',
            enableKeyRotation: true,
            alias: `alias/${props.aliasPrefix}/master-dataset`,
            removalPolicy: RemovalPolicy.RETAIN,
          })
        : undefined;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: this.key ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: this.key,
      // One data key per bucket instead of per object: cuts KMS requests (and their cost) by orders of magnitude.
      bucketKeyEnabled: this.key !== undefined,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'master-dataset/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: lifecycleRules(props),
    });
    // Object-created events go to EventBridge, where the failure rules watch the error prefixes. Set on the L1
    // resource: the L2 flag would add a notifications custom resource with s3:PutBucketNotification on every bucket.
    const cfnBucket = this.bucket.node.defaultChild as s3.CfnBucket;
    cfnBucket.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
  }

  /** `arn:…:bucket/<prefix>*`: an object ARN pattern for a key prefix. */
  objectsArn(prefix: string): string {
    return this.bucket.arnForObjects(`${prefix}*`);
  }

  /**
   * A statement that allows the bucket key through S3 only (nothing else may use it on the principal's behalf);
   * undefined with SSE-S3. With S3 Bucket Keys the encryption context is the bucket ARN, so that is the one allowed.
   */
  kmsStatement(actions: readonly ('kms:Decrypt' | 'kms:GenerateDataKey')[]): iam.PolicyStatement | undefined {
    if (this.key === undefined) return undefined;
    return new iam.PolicyStatement({
      sid: 'UseMasterDatasetKeyThroughS3',
      actions: [...actions],
      resources: [this.key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` },
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [this.bucket.bucketArn, `${this.bucket.bucketArn}/*`] },
      },
    });
  }

  /** Adds {@link kmsStatement} to a principal's policy (no-op with SSE-S3). */
  grantKms(grantee: iam.IGrantable, actions: readonly ('kms:Decrypt' | 'kms:GenerateDataKey')[]): void {
    const statement = this.kmsStatement(actions);
    if (statement !== undefined) grantee.grantPrincipal.addToPrincipalPolicy(statement);
  }
}

function lifecycleRules(props: MasterDatasetBucketProps): s3.LifecycleRule[] {
  const { lifecycle } = props;
  const tiering = [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(lifecycle.intelligentTieringAfterDays) }];
  const rules: s3.LifecycleRule[] = [
    // Firehose writes large objects with multipart uploads; a failed one leaves parts that are billed forever.
    { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
    // Intelligent-Tiering, not Glacier: Athena, Spark and COPY must be able to read any fact at any time.
    { id: 'facts-intelligent-tiering', prefix: 'facts/', transitions: tiering },
    {
      id: 'raw-intelligent-tiering',
      prefix: 'raw/',
      transitions: tiering,
      expiration: lifecycle.expireRawAfterDays === undefined ? undefined : Duration.days(lifecycle.expireRawAfterDays),
    },
    // Each deploy rewrites the JSONPaths files; their old versions are of no use after a month.
    { id: 'jsonpaths-old-versions', prefix: 'jsonpaths/', noncurrentVersionExpiration: Duration.days(30) },
  ];
  if (lifecycle.expireProcessingFailedAfterDays !== undefined) {
    props.factPrefixes.forEach((prefix, i) =>
      rules.push({ id: `processing-failed-expiry-${i}`, prefix: `${prefix}processing-failed/`, expiration: Duration.days(lifecycle.expireProcessingFailedAfterDays!) }),
    );
  }
  return rules;
}
