export { createFactlineApp, defaultProjectRoot, type CreateFactlineAppOptions } from './create-app.js';
export { FactlineStack, migratorHandlerDir, type FactlineStackProps } from './stack.js';
export { loadProjectInputs, type EntityInputs, type JsonPathsInput, type LoadProjectInputsOptions, type ProjectInputs } from './inputs.js';
export {
  defaultInfraConfig,
  defaultServerlessWarehouse,
  loadInfraConfig,
  resolveInfraConfig,
  type ExistingClusterConfig,
  type ExistingWorkgroupConfig,
  type InfraConfig,
  type InfraConfigInput,
  type ResolveInfraConfigResult,
  type ServerlessWarehouseConfig,
  type WarehouseConfig,
} from './config.js';
export { infraConfigSchema, logRetentionDayValues } from './config-schema.js';
export { InfraError, InfraErrorCode, type InfraIssue } from './errors.js';
export { firehoseCidrByRegion, projectPaths } from './constants.js';
export { parseMigrationText, type MigrationInput } from './migrations.js';
export { MasterDatasetBucket, type MasterDatasetBucketProps } from './storage/master-dataset-bucket.js';
export { TransformerFunction, type TransformerFunctionProps } from './transformer-function.js';
export { EntityDeliveryStream, copyOptionsWithBucket, type EntityDeliveryStreamProps } from './delivery/entity-delivery-stream.js';
export { DeliveryRole, type DeliveryRoleProps } from './delivery/delivery-role.js';
export { staticPrefix, writePrefixes } from './delivery/prefixes.js';
export { ServerlessWarehouse, type ServerlessWarehouseProps } from './warehouse/serverless-warehouse.js';
export { ExistingWarehouse, type ExistingWarehouseProps } from './warehouse/existing-warehouse.js';
export { PublicNetwork, type PublicNetworkProps } from './warehouse/public-network.js';
export { WarehouseCopyRole } from './warehouse/copy-role.js';
export { WarehouseContract, contractProperties, type WarehouseContractProps } from './warehouse/warehouse-contract.js';
export { firehoseCidrBlocks } from './warehouse/firehose-cidr.js';
export { redshiftUserSecret } from './warehouse/redshift-secret.js';
export type { DataApiTarget, WarehouseTarget } from './warehouse/warehouse-target.js';
export { MasterDatasetCatalog, arrivalHourColumn, type MasterDatasetCatalogProps } from './catalog/master-dataset-catalog.js';
export { glueColumns, hiveType, type GlueColumn } from './catalog/glue-types.js';
export { PipelineAlarms, defaultFreshnessSeconds, type PipelineAlarmsProps } from './monitoring/pipeline-alarms.js';
export { ProducerPolicy } from './access/producer-policy.js';
export { MasterDatasetReaderPolicy, type MasterDatasetReaderPolicyProps } from './access/reader-policy.js';
