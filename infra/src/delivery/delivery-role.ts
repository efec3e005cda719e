// The IAM role of one delivery stream: write its own prefixes, read what its COPY reads, invoke its Lambda, log to
// its log group, read the loader secret. Scoped per stream, so one entity's stream cannot touch another's data.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { StreamSettings } from '@factline/stream-settings';
import { Construct } from 'constructs';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';
import { writePrefixes } from './prefixes.js';

export interface DeliveryRoleProps {
  stream: StreamSettings;
  storage: MasterDatasetBucket;
  transformer: lambda.IFunction;
  logGroup: logs.ILogGroup;
  loaderSecret: secretsmanager.ISecret;
}

/**
 * @example
 * const role = new DeliveryRole(stack, 'Role', { stream, storage, transformer, logGroup, loaderSecret }).role;
 */
export class DeliveryRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DeliveryRoleProps) {
    super(scope, id);
    const { stream, storage } = props;
    const bucket = storage.bucket;
    this.role = new iam.Role(this, 'Role', {
      description: `Firehose ${stream.deliveryStreamName}: writes ${writePrefixes(stream).join(', ')} and loads ${stream.redshift.copyCommand.dataTableName}.`,
      // The external id stops another account's Firehose from being tricked into using this role (confused deputy).
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': Stack.of(this).account } } }),
    });
    const add = (sid: string, actions: string[], resources: string[]) => this.role.addToPolicy(new iam.PolicyStatement({ sid, actions, resources }));
    add('WriteOwnPrefixes', ['s3:PutObject', 's3:AbortMultipartUpload'], writePrefixes(stream).map((p) => storage.objectsArn(p)));
    // COPY runs with this role's credentials: it reads the manifest and fact objects under the facts prefix and the
    // table's JSONPaths file.
    add('ReadWhatCopyReads', ['s3:GetObject'], [storage.objectsArn(stream.s3.prefix), bucket.arnForObjects(stream.redshift.jsonPathsKey)]);
    add('LocateBucket', ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'], [bucket.bucketArn]);
    storage.grantKms(this.role, ['kms:GenerateDataKey', 'kms:Decrypt']);
    add('InvokeTransformer', ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], [props.transformer.functionArn]);
    add('WriteDeliveryErrors', ['logs:PutLogEvents'], [props.logGroup.logGroupArn]);
    add('ReadLoaderSecret', ['secretsmanager:GetSecretValue'], [props.loaderSecret.secretArn]);
  }
}
