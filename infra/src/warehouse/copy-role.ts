// The IAM role associated with the warehouse for the COPY statements factline runs itself (backfill from Firehose's
// error manifests, recompute from the master dataset). Firehose's own COPY uses the delivery stream's role instead.
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';

/**
 * Read-only on the facts and JSONPaths prefixes: COPY needs nothing else.
 *
 * @example
 * const copyRole = new WarehouseCopyRole(stack, 'CopyRole', { storage }).role;
 */
export class WarehouseCopyRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: { storage: MasterDatasetBucket }) {
    super(scope, id);
    const { storage } = props;
    this.role = new iam.Role(this, 'Role', {
      description: 'Redshift COPY from the factline master dataset (facts/ and jsonpaths/, read-only).',
      assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('redshift.amazonaws.com'), new iam.ServicePrincipal('redshift-serverless.amazonaws.com')),
    });
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadFactsAndJsonPaths', actions: ['s3:GetObject'], resources: [storage.objectsArn('facts/'), storage.objectsArn('jsonpaths/')] }));
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'ListFacts', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [storage.bucket.bucketArn] }));
    storage.grantKms(this.role, ['kms:Decrypt']);
  }
}
