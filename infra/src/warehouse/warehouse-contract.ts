// Firehose does not create tables. This custom resource does, on every deploy and before any stream changes:
// it applies the generated Redshift migrations through the Redshift Data API (recording them in
// <schema>.factline_migrations exactly as `factline migrate` does), keeps the loader user in step with its secret
// (INSERT on the fact tables, nothing else), and then uploads the JSONPaths files. Delivery streams depend on it,
// so a new column exists before a CopyCommand or a JSONPaths file names it.
import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { maxContractPropertiesBytes } from '../constants.js';
import { InfraError, InfraErrorCode } from '../errors.js';
import type { JsonPathsInput } from '../inputs.js';
import type { MigrationInput } from '../migrations.js';
import type { MasterDatasetBucket } from '../storage/master-dataset-bucket.js';
import type { WarehouseTarget } from './warehouse-target.js';

export interface WarehouseContractProps {
  target: WarehouseTarget;
  storage: MasterDatasetBucket;
  /** The warehouse schema holding the fact tables and factline_migrations. */
  schema: string;
  migrations: readonly MigrationInput[];
  jsonPaths: readonly JsonPathsInput[];
  loader: { username: string; secret: secretsmanager.ISecret; tables: readonly string[] };
  /** The folder of the migrator Lambda (infra/src/migrator). */
  handlerDir: string;
  logRetentionDays: number;
}

/**
 * The custom resource's properties, as the migrator handler reads them (CloudFormation passes strings).
 *
 * @example
 * contractProperties({ target, schema: 'factline', migrations, jsonPaths, loader, bucketName: 'my-bucket' }).Migrations;
 */
export function contractProperties(props: Omit<WarehouseContractProps, 'handlerDir' | 'logRetentionDays' | 'storage'> & { bucketName: string }): Record<string, unknown> {
  const { dataApi } = props.target;
  return {
    Target: { ...(dataApi.workgroupName ? { WorkgroupName: dataApi.workgroupName } : { ClusterIdentifier: dataApi.clusterIdentifier }), Database: dataApi.database, SecretArn: dataApi.adminSecret.secretArn },
    Schema: props.schema,
    Migrations: props.migrations.map((m) => ({ Id: String(m.id), Name: m.name, Checksum: m.checksum, Transaction: String(m.transaction), Statements: m.statements })),
    Loader: { Username: props.loader.username, SecretArn: props.loader.secret.secretArn, Tables: [...props.loader.tables] },
    JsonPaths: { Bucket: props.bucketName, Objects: props.jsonPaths.map((j) => ({ Key: j.key, Body: j.body })) },
  };
}

/**
 * @example
 * const contract = new WarehouseContract(stack, 'WarehouseContract', { target, storage, schema: 'factline', migrations, jsonPaths, loader, handlerDir, logRetentionDays: 30 });
 * deliveryStream.node.addDependency(contract);
 */
export class WarehouseContract extends Construct {
  readonly resource: CustomResource;
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: WarehouseContractProps) {
    super(scope, id);
    const { target, storage } = props;
    const properties = contractProperties({ ...props, bucketName: storage.bucket.bucketName });
    const size = Buffer.byteLength(JSON.stringify(properties), 'utf8');
    if (size > maxContractPropertiesBytes) {
      throw new InfraError(InfraErrorCode.inputInconsistent, `The migrations and JSONPaths files add up to ${size} bytes, more than the ${maxContractPropertiesBytes} a custom resource request can carry. Apply the migrations with \`pnpm factline migrate\` before deploying (see infra/README.md).`);
    }
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: 'factline migrator: runs the generated migrations and uploads the JSONPaths files.' });
    const add = (sid: string, actions: string[], resources: string[]) => role.addToPolicy(new iam.PolicyStatement({ sid, actions, resources }));
    add('WriteOwnLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [logGroup.logGroupArn]);
    add('RunStatements', ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement'], [target.dataApi.resourceArn]);
    // These take no resource ARN (IAM has no resource type for them); the Data API only shows a caller its own statements.
    add('ReadOwnStatements', ['redshift-data:DescribeStatement', 'redshift-data:GetStatementResult'], ['*']);
    add('ReadWarehouseSecrets', ['secretsmanager:GetSecretValue'], [target.dataApi.adminSecret.secretArn, props.loader.secret.secretArn]);
    add('WriteJsonPaths', ['s3:PutObject'], [storage.objectsArn('jsonpaths/')]);
    storage.grantKms(role, ['kms:GenerateDataKey']);
    this.function = new lambda.Function(this, 'Function', {
      description: 'factline migrator: applies generated Redshift migrations, manages the loader user, uploads JSONPaths.',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // Plain ESM that imports only the AWS SDK v3 clients the runtime provides: no bundling, no build step.
      code: lambda.Code.fromAsset(props.handlerDir),
      handler: 'index.handler',
      memorySize: 256,
      // A freshly created workgroup can take minutes to accept its first statement; the provider framework allows 15.
      timeout: Duration.minutes(14),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
    });
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.function,
      logGroup: new logs.LogGroup(this, 'ProviderLogs', { retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY }),
    });
    this.resource = new CustomResource(this, 'Resource', { serviceToken: provider.serviceToken, resourceType: 'Custom::FactlineWarehouseContract', properties });
    target.ready.forEach((dependable) => this.resource.node.addDependency(dependable));
    this.resource.node.addDependency(role);
  }
}
