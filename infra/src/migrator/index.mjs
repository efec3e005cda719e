// @ts-check
// The migrator custom resource (see infra/src/warehouse/warehouse-contract.ts). Plain ESM on nodejs22.x: the AWS
// SDK v3 clients it imports are part of the Lambda runtime, so the folder deploys as is.
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { applyContract } from './contract.mjs';

/**
 * The provider framework's onEvent handler. Delete does nothing: fact tables hold data and are never dropped by a
 * deploy (the namespace's final snapshot covers `cdk destroy`).
 * @param {{ RequestType: 'Create' | 'Update' | 'Delete', PhysicalResourceId?: string, ResourceProperties: import('./contract.mjs').ContractProperties }} event
 * @param {{ getRemainingTimeInMillis(): number }} context
 */
export async function handler(event, context) {
  const props = event.ResourceProperties;
  const physicalResourceId = event.PhysicalResourceId ?? `factline-warehouse-contract-${props.Schema}`;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalResourceId };
  /** @type {(message: string, details?: Record<string, unknown>) => void} */
  const log = (message, details = {}) => console.log(JSON.stringify({ message, ...details }));
  const clients = { redshiftData: new RedshiftDataClient({}), s3: new S3Client({}), secrets: new SecretsManagerClient({}) };
  const result = await applyContract(props, clients, { log, deadline: Date.now() + context.getRemainingTimeInMillis() - 15_000 });
  return { PhysicalResourceId: physicalResourceId, Data: { AppliedMigrations: result.applied.join(',') || 'none' } };
}
