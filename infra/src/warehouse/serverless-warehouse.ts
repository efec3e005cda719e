// The default warehouse: a Redshift Serverless namespace and workgroup. Serverless bills only while queries run
// (COPY included), so an idle pipeline costs storage only; `maxCapacityRpu` caps what a burst can cost.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as redshiftserverless from 'aws-cdk-lib/aws-redshiftserverless';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IDependable } from 'constructs';
import type { ServerlessWarehouseConfig } from '../config.js';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';
import { WarehouseCopyRole } from './copy-role.js';
import { PublicNetwork } from './public-network.js';
import { redshiftUserSecret } from './redshift-secret.js';
import type { DataApiTarget, WarehouseTarget } from './warehouse-target.js';

export interface ServerlessWarehouseProps {
  config: ServerlessWarehouseConfig;
  storage: MasterDatasetBucket;
  /** Source CIDR blocks admitted on the warehouse port (Firehose's, plus any configured). */
  ingressCidrBlocks: string[];
  logRetentionDays: number;
}

/**
 * @example
 * const warehouse = new ServerlessWarehouse(stack, 'Warehouse', { config: defaultServerlessWarehouse, storage, ingressCidrBlocks: ['52.70.63.192/27'], logRetentionDays: 30 });
 * warehouse.jdbcUrl; // jdbc:redshift://<workgroup endpoint>:5439/factline
 */
export class ServerlessWarehouse extends Construct implements WarehouseTarget {
  readonly jdbcUrl: string;
  readonly dataApi: DataApiTarget;
  readonly copyRole: iam.Role;
  readonly ready: IDependable[];
  readonly adminSecret: secretsmanager.Secret;
  readonly namespace: redshiftserverless.CfnNamespace;
  readonly workgroup: redshiftserverless.CfnWorkgroup;
  readonly securityGroup: ec2.CfnSecurityGroup;

  constructor(scope: Construct, id: string, props: ServerlessWarehouseProps) {
    super(scope, id);
    const { config } = props;
    const network = new PublicNetwork(this, 'Network', { existing: config.vpcId === undefined ? undefined : { vpcId: config.vpcId, subnetIds: config.subnetIds ?? [] } });
    this.securityGroup = new ec2.CfnSecurityGroup(this, 'SecurityGroup', {
      vpcId: network.vpcId,
      groupDescription: `factline warehouse: Redshift port ${config.port} from Firehose (and configured clients) only`,
      securityGroupIngress: props.ingressCidrBlocks.map((cidrIp) => ({ ipProtocol: 'tcp', fromPort: config.port, toPort: config.port, cidrIp, description: 'Redshift clients' })),
      // No egress: the workgroup only answers connections (stateful), and COPY does not go through this VPC
      // (enhanced VPC routing is off). This rule matches nothing, which removes the default allow-all.
      securityGroupEgress: [{ ipProtocol: 'icmp', fromPort: 252, toPort: 86, cidrIp: '255.255.255.255/32', description: 'Disallow all traffic' }],
    });
    this.copyRole = new WarehouseCopyRole(this, 'CopyRole', { storage: props.storage }).role;
    this.adminSecret = redshiftUserSecret(this, 'AdminSecret', config.adminUsername, 'factline warehouse superuser: migrations and the loader user.');
    // Pre-created so that the audit logs get a retention (Redshift would create them without one).
    const auditLogs = ['connectionlog', 'userlog'].map(
      (type) => new logs.LogGroup(this, `AuditLog-${type}`, { logGroupName: `/aws/redshift/${config.namespaceName}/${type}`, retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY }),
    );
    this.namespace = new redshiftserverless.CfnNamespace(this, 'Namespace', {
      namespaceName: config.namespaceName,
      dbName: config.databaseName,
      adminUsername: config.adminUsername,
      // A CloudFormation dynamic reference: the password never appears in the template.
      adminUserPassword: this.adminSecret.secretValueFromJson('password').unsafeUnwrap(),
      iamRoles: [this.copyRole.roleArn],
      defaultIamRoleArn: this.copyRole.roleArn,
      logExports: ['connectionlog', 'userlog'],
      // The warehouse is a serving layer, recomputable from the master dataset; a final snapshot still makes a
      // mistaken `cdk destroy` cheap to undo.
      finalSnapshotName: `${config.namespaceName}-final`,
      finalSnapshotRetentionPeriod: config.finalSnapshotRetentionDays,
    });
    auditLogs.forEach((group) => this.namespace.node.addDependency(group));
    this.workgroup = new redshiftserverless.CfnWorkgroup(this, 'Workgroup', {
      workgroupName: config.workgroupName,
      namespaceName: config.namespaceName,
      baseCapacity: config.baseCapacityRpu,
      maxCapacity: config.maxCapacityRpu,
      port: config.port,
      publiclyAccessible: true,
      enhancedVpcRouting: false,
      subnetIds: network.subnetIds,
      securityGroupIds: [this.securityGroup.attrGroupId],
      configParameters: [{ parameterKey: 'require_ssl', parameterValue: 'true' }],
    });
    this.workgroup.node.addDependency(this.namespace);
    this.jdbcUrl = `jdbc:redshift://${this.workgroup.attrWorkgroupEndpointAddress}:${this.workgroup.attrWorkgroupEndpointPort}/${config.databaseName}`;
    this.dataApi = { workgroupName: config.workgroupName, database: config.databaseName, adminSecret: this.adminSecret, resourceArn: this.workgroup.attrWorkgroupWorkgroupArn };
    this.ready = [this.workgroup];
  }
}
