// The whole pipeline in one stack: storage, transformer, warehouse, one delivery stream per entity, the Glue
// catalog, alarms and the policies services attach. Built from the project's generated inputs only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { MasterDatasetReaderPolicy } from './access/reader-policy.js';
import { ProducerPolicy } from './access/producer-policy.js';
import { MasterDatasetCatalog } from './catalog/master-dataset-catalog.js';
import type { InfraConfig } from './config.js';
import { EntityDeliveryStream } from './delivery/entity-delivery-stream.js';
import type { ProjectInputs } from './inputs.js';
import { PipelineAlarms } from './monitoring/pipeline-alarms.js';
import { MasterDatasetBucket } from './storage/master-dataset-bucket.js';
import { TransformerFunction } from './transformer-function.js';
import { ExistingWarehouse } from './warehouse/existing-warehouse.js';
import { firehoseCidrBlocks } from './warehouse/firehose-cidr.js';
import { redshiftUserSecret } from './warehouse/redshift-secret.js';
import { ServerlessWarehouse } from './warehouse/serverless-warehouse.js';
import { WarehouseContract } from './warehouse/warehouse-contract.js';
import type { WarehouseTarget } from './warehouse/warehouse-target.js';

/**
 * The migrator Lambda's folder, shipped as is (plain ESM, nothing else in it). Resolved through the package folder
 * so that it is the same from src/ (tsx, tests) and from dist/ (the build).
 *
 * @example
 * lambda.Code.fromAsset(migratorHandlerDir);
 */
export const migratorHandlerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/migrator');

/**
 * @example
 * const props: FactlineStackProps = { inputs: await loadProjectInputs(root), config: defaultInfraConfig, env: { region: 'eu-west-1' } };
 */
export interface FactlineStackProps extends StackProps {
  /** What `loadProjectInputs(projectRoot)` read: settings, JSONPaths, migrations, warehouse model, bundle. */
  inputs: ProjectInputs;
  config: InfraConfig;
}

/**
 * @example
 * const inputs = await loadProjectInputs(projectRoot);
 * const config = await loadInfraConfig(path.join(projectRoot, 'infra/factline.infra.json'));
 * new FactlineStack(new App(), config.stackName, { inputs, config });
 */
export class FactlineStack extends Stack {
  readonly storage: MasterDatasetBucket;
  readonly transformer: TransformerFunction;
  readonly warehouse: WarehouseTarget;
  readonly contract: WarehouseContract;
  readonly deliveryStreams: EntityDeliveryStream[];
  readonly alarms: PipelineAlarms;

  constructor(scope: Construct, id: string, props: FactlineStackProps) {
    super(scope, id, { description: 'factline: event-sourced data platform (Firehose, transformer Lambda, S3 master dataset, Redshift).', ...props });
    // Set here, not in cdk.json, so that every app building this stack (tests included) gets the same template:
    // grant S3 log delivery with a bucket policy instead of the legacy LogDeliveryWrite ACL.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const { inputs, config } = props;
    const streams = inputs.entities.map((e) => e.stream);
    const schema = inputs.settings.warehouse.schema;

    this.storage = new MasterDatasetBucket(this, 'MasterDataset', {
      encryption: config.encryption,
      bucketName: config.bucketName,
      lifecycle: config.lifecycle,
      factPrefixes: streams.map((s) => s.s3.prefix),
      aliasPrefix: config.stackName.toLowerCase(),
    });
    this.transformer = new TransformerFunction(this, 'Transformer', { bundleDir: inputs.transformerBundleDir, settings: config.transformer, logRetentionDays: config.logRetentionDays });

    const warehouseConfig = config.warehouse;
    this.warehouse =
      warehouseConfig.kind === 'serverless'
        ? new ServerlessWarehouse(this, 'Warehouse', {
            config: warehouseConfig,
            storage: this.storage,
            ingressCidrBlocks: [...firehoseCidrBlocks(this, config.firehoseCidrBlocks), ...warehouseConfig.allowedCidrBlocks],
            logRetentionDays: config.logRetentionDays,
          })
        : new ExistingWarehouse(this, 'Warehouse', { config: warehouseConfig, storage: this.storage });

    const loaderSecret = redshiftUserSecret(this, 'LoaderSecret', config.loaderUsername, 'factline loader: the Redshift user Firehose runs COPY as (INSERT on the fact tables only).');
    this.contract = new WarehouseContract(this, 'WarehouseContract', {
      target: this.warehouse,
      storage: this.storage,
      schema,
      migrations: inputs.migrations,
      jsonPaths: inputs.entities.map((e) => e.jsonPaths),
      loader: { username: config.loaderUsername, secret: loaderSecret, tables: streams.map((s) => s.redshift.copyCommand.dataTableName) },
      handlerDir: migratorHandlerDir,
      logRetentionDays: config.logRetentionDays,
    });

    this.deliveryStreams = streams.map((stream) => {
      const delivery = new EntityDeliveryStream(this, `Delivery-${stream.entity}`, {
        stream,
        storage: this.storage,
        transformer: this.transformer.function,
        clusterJdbcUrl: this.warehouse.jdbcUrl,
        loaderSecret,
        logRetentionDays: config.logRetentionDays,
      });
      // The table and its columns exist, and the JSONPaths file is current, before the stream's COPY changes.
      delivery.node.addDependency(this.contract);
      return delivery;
    });

    new MasterDatasetCatalog(this, 'Catalog', {
      bucket: this.storage.bucket,
      databaseName: config.catalog.databaseName,
      projectionStartHour: config.catalog.projectionStartHour,
      tables: inputs.entities.map((e) => ({ stream: e.stream, table: e.table })),
    });
    this.alarms = new PipelineAlarms(this, 'Alarms', { streams, transformer: this.transformer.function, bucket: this.storage.bucket, email: config.alarms.email, dataFreshnessSeconds: config.alarms.dataFreshnessSeconds });

    const producer = new ProducerPolicy(this, 'ProducerPolicy', { deliveryStreamArns: this.deliveryStreams.map((d) => d.deliveryStreamArn) });
    const reader = new MasterDatasetReaderPolicy(this, 'ReaderPolicy', { storage: this.storage, glueDatabaseName: config.catalog.databaseName });

    const output = (outputId: string, value: string, description: string) => new CfnOutput(this, outputId, { value, description, exportName: `${this.stackName}-${outputId}` });
    output('MasterDatasetBucketName', this.storage.bucket.bucketName, 'The master dataset bucket (facts/, raw/, jsonpaths/).');
    output('ProducerPolicyArn', producer.policy.managedPolicyArn, 'Attach to producer services: PutRecordBatch/PutRecord on the factline streams.');
    output('ReaderPolicyArn', reader.policy.managedPolicyArn, 'Attach to Athena/Spark users: read facts/ and the Glue tables.');
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'Subscribe on-call to this topic.');
    output('WarehouseCopyRoleArn', this.warehouse.copyRole.roleArn, 'IAM role for COPY/UNLOAD run by factline (backfills, recomputes).');
    output('WarehouseAdminSecretArn', this.warehouse.dataApi.adminSecret.secretArn, 'Secret of the warehouse superuser (factline migrate, factline sql).');
    output('DeliveryStreamNames', streams.map((s) => s.deliveryStreamName).join(','), 'One Firehose stream per entity.');
  }
}
