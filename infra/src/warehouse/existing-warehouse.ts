// A warehouse the stack does not own: an existing Redshift Serverless workgroup or provisioned cluster. The stack
// creates the COPY role and the loader user, and points Firehose and the migrator at it; networking stays the owner's
// (the endpoint must be publicly accessible and admit Firehose's CIDR block, see infra/README.md).
import { ArnFormat, Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IDependable } from 'constructs';
import type { ExistingClusterConfig, ExistingWorkgroupConfig } from '../config.js';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';
import { WarehouseCopyRole } from './copy-role.js';
import type { DataApiTarget, WarehouseTarget } from './warehouse-target.js';

export interface ExistingWarehouseProps {
  config: ExistingWorkgroupConfig | ExistingClusterConfig;
  storage: MasterDatasetBucket;
}

/**
 * @example
 * const warehouse = new ExistingWarehouse(stack, 'Warehouse', { config: { kind: 'existing-cluster', clusterIdentifier: 'analytics', endpointAddress, port: 5439, databaseName: 'dev', adminSecretArn }, storage });
 */
export class ExistingWarehouse extends Construct implements WarehouseTarget {
  readonly jdbcUrl: string;
  readonly dataApi: DataApiTarget;
  readonly copyRole: iam.Role;
  readonly ready: IDependable[] = [];

  constructor(scope: Construct, id: string, props: ExistingWarehouseProps) {
    super(scope, id);
    const { config } = props;
    this.copyRole = new WarehouseCopyRole(this, 'CopyRole', { storage: props.storage }).role;
    const adminSecret = secretsmanager.Secret.fromSecretCompleteArn(this, 'AdminSecret', config.adminSecretArn);
    this.jdbcUrl = `jdbc:redshift://${config.endpointAddress}:${config.port}/${config.databaseName}`;
    const stack = Stack.of(this);
    this.dataApi =
      config.kind === 'existing-workgroup'
        ? { workgroupName: config.workgroupName, database: config.databaseName, adminSecret, resourceArn: config.workgroupArn }
        : {
            clusterIdentifier: config.clusterIdentifier,
            database: config.databaseName,
            adminSecret,
            resourceArn: stack.formatArn({ service: 'redshift', resource: 'cluster', resourceName: config.clusterIdentifier, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
          };
  }
}
