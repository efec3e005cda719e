// The Redshift engine's options: where to connect and how to authenticate (the Data API's four modes), how to wait
// for statements, and how to COPY. Validated as one object; every default is resolved here.
import type { RedshiftDataClient, RedshiftDataClientConfig } from '@aws-sdk/client-redshift-data';
import { redshiftDefaults } from '../constants.js';
import type { ConfigIssue } from '../errors.js';

/**
 * Options of the Redshift engine. Exactly one of `clusterIdentifier` and `workgroupName`; at most one of
 * `secretArn` and `dbUser`. That gives the Data API's four authentication modes:
 *
 * | mode | options |
 * |---|---|
 * | Secrets Manager | `secretArn` + `database` + (`clusterIdentifier` or `workgroupName`) |
 * | serverless, IAM identity | `workgroupName` + `database` |
 * | cluster, IAM identity | `clusterIdentifier` + `database` |
 * | cluster, database user | `clusterIdentifier` + `database` + `dbUser` |
 *
 * @example
 * const options: RedshiftWarehouseOptions = { workgroupName: 'analytics', database: 'dev', clientConfig: { region: 'eu-west-1' } };
 */
export interface RedshiftWarehouseOptions {
  /** The database name. */
  database: string;
  /** A provisioned cluster (1–63 characters). */
  clusterIdentifier?: string;
  /** A serverless workgroup, by name or ARN (3–128 characters). */
  workgroupName?: string;
  /** A Secrets Manager secret holding the user name and password. */
  secretArn?: string;
  /** A database user for temporary credentials (redshift:GetClusterCredentials); clusters only. */
  dbUser?: string;
  /** The client to use; by default one is created from `clientConfig`. */
  client?: RedshiftDataClient;
  /** Configuration of the client created when `client` is not given (region, endpoint, credentials). */
  clientConfig?: RedshiftDataClientConfig;
  /** How long a statement may run before it is cancelled (default 15 minutes). */
  statementTimeoutMs?: number;
  /** First wait before DescribeStatement (default 50 ms), doubled (`backoffMultiplier`) up to `maxPollIntervalMs` (default 2 s). */
  initialPollIntervalMs?: number;
  maxPollIntervalMs?: number;
  backoffMultiplier?: number;
  /** How many times ActiveStatementsExceededException/ActiveSessionsExceededException are retried (default 8). */
  maxSubmitRetries?: number;
  /** How long a transaction's session stays open between statements (default 300 s). */
  sessionKeepAliveSeconds?: number;
  /** The role COPY uses to read S3: an IAM role ARN (or a comma-separated chain), or `default` (the default). */
  iamRole?: string;
  /** Where COPY writes its manifests in the bucket (default `manifests/`). */
  manifestPrefix?: string;
  /** `StatementName` of every statement (default `factline`). */
  statementName?: string;
}

/**
 * Which of the Data API's authentication modes the options select.
 *
 * @example
 * if (warehouse.authMode === 'serverless-iam') console.log('the database user is IAM:<your name>');
 */
export type RedshiftAuthMode = 'secret' | 'serverless-iam' | 'cluster-iam' | 'cluster-db-user';

/**
 * The options with every default applied.
 *
 * @example
 * const result = validateRedshiftOptions(options);
 * if (result.ok) console.log(result.options.target); // { Database: 'dev', WorkgroupName: 'analytics' }
 */
export interface ResolvedRedshiftOptions {
  authMode: RedshiftAuthMode;
  /** The members every ExecuteStatement/BatchExecuteStatement outside a session carries. */
  target: { Database: string; ClusterIdentifier?: string; WorkgroupName?: string; SecretArn?: string; DbUser?: string };
  statementTimeoutMs: number;
  initialPollIntervalMs: number;
  maxPollIntervalMs: number;
  backoffMultiplier: number;
  maxSubmitRetries: number;
  sessionKeepAliveSeconds: number;
  iamRole: string;
  manifestPrefix: string;
  statementName: string;
}

/**
 * Validating Redshift options: the resolved options, or every problem at once.
 *
 * @example
 * const result: RedshiftOptionsResult = validateRedshiftOptions({ database: 'dev' });
 * if (!result.ok) for (const issue of result.issues) console.error(issue.path, issue.message);
 */
export type RedshiftOptionsResult = { ok: true; options: ResolvedRedshiftOptions } | { ok: false; issues: ConfigIssue[] };

/**
 * Validates the options and applies the defaults.
 *
 * @example
 * const result = validateRedshiftOptions({ clusterIdentifier: 'prod', database: 'dev', dbUser: 'loader' });
 * if (result.ok) console.log(result.options.authMode); // 'cluster-db-user'
 */
export function validateRedshiftOptions(input: RedshiftWarehouseOptions): RedshiftOptionsResult {
  const issues: ConfigIssue[] = [];
  const text = (path: keyof RedshiftWarehouseOptions, min: number, max: number): string | undefined => {
    const value = input[path];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length < min || value.length > max) issues.push({ path, message: `must be a string of ${min} to ${max} characters` });
    return value as string;
  };
  const database = text('database', 1, 127);
  if (input.database === undefined) issues.push({ path: 'database', message: 'is required' });
  const cluster = text('clusterIdentifier', 1, 63);
  const workgroup = text('workgroupName', 3, 128);
  const secretArn = text('secretArn', 1, 2048);
  const dbUser = text('dbUser', 1, 128);
  if (cluster === undefined && workgroup === undefined) issues.push({ path: 'clusterIdentifier', message: 'give clusterIdentifier (a provisioned cluster) or workgroupName (serverless)' });
  if (cluster !== undefined && workgroup !== undefined) issues.push({ path: 'workgroupName', message: 'give clusterIdentifier or workgroupName, not both' });
  if (secretArn !== undefined && dbUser !== undefined) issues.push({ path: 'dbUser', message: 'give secretArn or dbUser, not both (the secret holds the user)' });
  if (dbUser !== undefined && workgroup !== undefined) issues.push({ path: 'dbUser', message: 'dbUser works with clusterIdentifier only; a serverless workgroup maps your IAM identity to IAM:<name>' });
  if (secretArn !== undefined && !/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/.test(secretArn)) issues.push({ path: 'secretArn', message: 'must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)' });
  const number = (path: keyof RedshiftWarehouseOptions, fallback: number, min: number, max: number, integer = true): number => {
    const value = input[path];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max || (integer && !Number.isInteger(value))) issues.push({ path, message: `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}` });
    return value as number;
  };
  const d = redshiftDefaults;
  const resolved = {
    statementTimeoutMs: number('statementTimeoutMs', d.statementTimeoutMs, 1, 24 * 60 * 60 * 1000),
    initialPollIntervalMs: number('initialPollIntervalMs', d.initialPollIntervalMs, 0, 60_000),
    maxPollIntervalMs: number('maxPollIntervalMs', d.maxPollIntervalMs, 0, 60_000),
    backoffMultiplier: number('backoffMultiplier', d.backoffMultiplier, 1, 10, false),
    maxSubmitRetries: number('maxSubmitRetries', d.maxSubmitRetries, 0, 100),
    sessionKeepAliveSeconds: number('sessionKeepAliveSeconds', d.sessionKeepAliveSeconds, 1, 86_400),
    iamRole: input.iamRole ?? d.iamRole,
    manifestPrefix: input.manifestPrefix ?? d.manifestPrefix,
    statementName: input.statementName ?? d.statementName,
  };
  if (resolved.iamRole !== 'default' && !resolved.iamRole.split(',').every((r) => /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(r.trim()))) {
    issues.push({ path: 'iamRole', message: "must be 'default' or IAM role ARNs (arn:aws:iam::<account>:role/<name>, comma-separated for a chain)" });
  }
  if (resolved.statementName.length > 500) issues.push({ path: 'statementName', message: 'must be at most 500 characters' });
  if (input.client !== undefined && input.clientConfig !== undefined) issues.push({ path: 'clientConfig', message: 'give client or clientConfig, not both' });
  if (issues.length > 0) return { ok: false, issues };
  const authMode: RedshiftAuthMode = secretArn !== undefined ? 'secret' : workgroup !== undefined ? 'serverless-iam' : dbUser !== undefined ? 'cluster-db-user' : 'cluster-iam';
  const target: ResolvedRedshiftOptions['target'] = { Database: database as string };
  if (cluster !== undefined) target.ClusterIdentifier = cluster;
  if (workgroup !== undefined) target.WorkgroupName = workgroup;
  if (secretArn !== undefined) target.SecretArn = secretArn;
  if (dbUser !== undefined) target.DbUser = dbUser;
  return { ok: true, options: { authMode, target, ...resolved } };
}
