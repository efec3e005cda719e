// The managed policy for people and jobs that read the master dataset directly (Athena, Spark, Trino): the facts
// prefix and the Glue tables over it. Raw events and error records are not included: they may hold data that failed
// validation, and only the replay tooling needs them.
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';

export interface MasterDatasetReaderPolicyProps {
  storage: MasterDatasetBucket;
  glueDatabaseName: string;
}

/**
 * Read-only: `s3:GetObject` under `facts/`, listing limited to `facts/`, the Glue catalog entries, and decryption
 * through S3. Athena's own permissions (workgroup, query results bucket) stay with the account's Athena setup.
 *
 * @example
 * new MasterDatasetReaderPolicy(stack, 'ReaderPolicy', { storage, glueDatabaseName: 'factline' }).policy.attachToRole(analystRole);
 */
export class MasterDatasetReaderPolicy extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: MasterDatasetReaderPolicyProps) {
    super(scope, id);
    const { storage } = props;
    const glue = `arn:${Aws.PARTITION}:glue:${Aws.REGION}:${Aws.ACCOUNT_ID}`;
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'factline readers: the facts prefix of the master dataset and its Glue tables, read-only.',
      statements: [
        new iam.PolicyStatement({ sid: 'ReadFacts', actions: ['s3:GetObject'], resources: [storage.objectsArn('facts/')] }),
        new iam.PolicyStatement({ sid: 'ListFacts', actions: ['s3:ListBucket'], resources: [storage.bucket.bucketArn], conditions: { StringLike: { 's3:prefix': ['facts/', 'facts/*'] } } }),
        new iam.PolicyStatement({ sid: 'LocateBucket', actions: ['s3:GetBucketLocation'], resources: [storage.bucket.bucketArn] }),
        new iam.PolicyStatement({
          sid: 'ReadCatalog',
          actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions'],
          resources: [`${glue}:catalog`, `${glue}:database/${props.glueDatabaseName}`, `${glue}:table/${props.glueDatabaseName}/*`],
        }),
      ],
    });
    const decrypt = storage.kmsStatement(['kms:Decrypt']);
    if (decrypt !== undefined) this.policy.addStatements(decrypt);
  }
}
