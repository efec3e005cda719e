// The deployment's configuration: one typed object, defaults resolved here and only here.
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { infraConfigSchema } from './config-schema.js';
import { InfraError, InfraErrorCode, type InfraIssue } from './errors.js';

/** The default warehouse: a Redshift Serverless namespace and workgroup created by the stack. */
export interface ServerlessWarehouseConfig {
  kind: 'serverless';
  namespaceName: string;
  workgroupName: string;
  databaseName: string;
  adminUsername: string;
  /** Base capacity in RPUs (billed only while queries run). */
  baseCapacityRpu: number;
  /** Ceiling on automatic scaling, which caps the hourly cost. */
  maxCapacityRpu: number;
  port: number;
  /** The namespace is snapshotted when the stack is destroyed; the snapshot is kept this long. */
  finalSnapshotRetentionDays: number;
  /** Public subnets (three Availability Zones) of an existing VPC; by default the stack creates its own. */
  vpcId?: string;
  subnetIds?: string[];
  /** Extra CIDR blocks (analysts' SQL clients) admitted on the warehouse port, besides Firehose's. */
  allowedCidrBlocks: string[];
}

/** A Redshift Serverless workgroup that already exists (and is reachable from Firehose's CIDR block). */
export interface ExistingWorkgroupConfig {
  kind: 'existing-workgroup';
  workgroupName: string;
  /** `arn:aws:redshift-serverless:<region>:<account>:workgroup/<id>`: the Redshift Data API authorises on it. */
  workgroupArn: string;
  endpointAddress: string;
  port: number;
  databaseName: string;
  /** A Secrets Manager secret `{ username, password }` of a superuser, for migrations and the loader user. */
  adminSecretArn: string;
}

/** A provisioned Redshift cluster that already exists. */
export interface ExistingClusterConfig {
  kind: 'existing-cluster';
  clusterIdentifier: string;
  endpointAddress: string;
  port: number;
  databaseName: string;
  adminSecretArn: string;
}

export type WarehouseConfig = ServerlessWarehouseConfig | ExistingWorkgroupConfig | ExistingClusterConfig;

/**
 * The resolved configuration of a deployment (see {@link resolveInfraConfig}).
 *
 * @example
 * const config: InfraConfig = { ...defaultInfraConfig, alarms: { email: 'data-oncall@example.com' } };
 */
export interface InfraConfig {
  stackName: string;
  /** Pins the stack to an account and region; without them the template is environment-agnostic. */
  account?: string;
  region?: string;
  /** `kms`: a customer-managed key (rotated, with S3 Bucket Keys); `s3-managed`: SSE-S3. */
  encryption: 'kms' | 's3-managed';
  /** Default: a name CloudFormation generates (bucket names are global). */
  bucketName?: string;
  logRetentionDays: number;
  transformer: {
    memorySizeMb: number;
    timeoutSeconds: number;
    architecture: 'arm64' | 'x86_64';
    /** Default: `<root>/apps/transformer-lambda/dist/bundle`. */
    bundleDir?: string;
  };
  warehouse: WarehouseConfig;
  /** The database user Firehose loads with (INSERT on the fact tables only). */
  loaderUsername: string;
  /** Overrides the known per-region Firehose CIDR block. */
  firehoseCidrBlocks?: string[];
  alarms: {
    /** Subscribed to the alarm topic when set. */
    email?: string;
    /** Default: processor interval + S3 buffer interval + 15 minutes. */
    dataFreshnessSeconds?: number;
  };
  lifecycle: {
    /** Facts and raw events move to S3 Intelligent-Tiering after this many days (never to Glacier: Athena must read them). */
    intelligentTieringAfterDays: number;
    /** Unset: raw events are kept forever (they re-derive facts after a transformer bug). */
    expireRawAfterDays?: number;
    /** Unset: failed records are kept until replayed and deleted by a person. */
    expireProcessingFailedAfterDays?: number;
    accessLogsExpireAfterDays: number;
  };
  catalog: {
    databaseName: string;
    /** First hour of the partition projection (`yyyy/MM/dd/HH`): set it to the hour the pipeline went live. */
    projectionStartHour: string;
  };
}

/**
 * The warehouse used when the configuration names none.
 *
 * @example
 * resolveInfraConfig({ warehouse: { ...defaultServerlessWarehouse, maxCapacityRpu: 64 } });
 */
export const defaultServerlessWarehouse: ServerlessWarehouseConfig = {
  kind: 'serverless',
  namespaceName: 'factline',
  workgroupName: 'factline',
  databaseName: 'factline',
  adminUsername: 'factline_admin',
  baseCapacityRpu: 8,
  maxCapacityRpu: 32,
  port: 5439,
  finalSnapshotRetentionDays: 7,
  allowedCidrBlocks: [],
};

/**
 * Every default, in one place (infra/README.md, "Options", lists them).
 *
 * @example
 * defaultInfraConfig.transformer.memorySizeMb; // 1769
 */
export const defaultInfraConfig: InfraConfig = {
  stackName: 'Factline',
  encryption: 'kms',
  logRetentionDays: 30,
  transformer: { memorySizeMb: 1769, timeoutSeconds: 60, architecture: 'arm64' },
  warehouse: defaultServerlessWarehouse,
  loaderUsername: 'factline_loader',
  alarms: {},
  lifecycle: { intelligentTieringAfterDays: 30, accessLogsExpireAfterDays: 365 },
  catalog: { databaseName: 'factline', projectionStartHour: '2024/01/01/00' },
};

/** The configuration as written: every field optional (a `warehouse` of another kind has its own required fields). */
export type InfraConfigInput = Partial<Omit<InfraConfig, 'transformer' | 'warehouse' | 'alarms' | 'lifecycle' | 'catalog'>> & {
  transformer?: Partial<InfraConfig['transformer']>;
  warehouse?: Partial<ServerlessWarehouseConfig> | Omit<ExistingWorkgroupConfig, 'port'> & { port?: number } | Omit<ExistingClusterConfig, 'port'> & { port?: number };
  alarms?: Partial<InfraConfig['alarms']>;
  lifecycle?: Partial<InfraConfig['lifecycle']>;
  catalog?: Partial<InfraConfig['catalog']>;
};

export type ResolveInfraConfigResult = { ok: true; config: InfraConfig } | { ok: false; issues: InfraIssue[] };

const validate = new Ajv({ allErrors: true, strict: true }).compile(infraConfigSchema);

/**
 * Validates a configuration object and fills in the defaults. Bad input is returned as issues, never thrown.
 *
 * @example
 * const result = resolveInfraConfig({ alarms: { email: 'data-oncall@example.com' } });
 * if (result.ok) console.log(result.config.warehouse.kind); // 'serverless'
 */
export function resolveInfraConfig(input: unknown = {}, file = 'factline.infra.json'): ResolveInfraConfigResult {
  if (!validate(input)) {
    const issues = (validate.errors ?? []).map((e) => ({ file, pointer: e.instancePath, message: `${e.instancePath || 'the configuration'} ${e.message ?? 'is invalid'}` }));
    return { ok: false, issues };
  }
  const given = input as InfraConfigInput;
  const d = defaultInfraConfig;
  const config: InfraConfig = {
    ...d,
    ...pick(given, ['stackName', 'account', 'region', 'encryption', 'bucketName', 'logRetentionDays', 'loaderUsername', 'firehoseCidrBlocks']),
    transformer: { ...d.transformer, ...given.transformer },
    warehouse: resolveWarehouse(given.warehouse),
    alarms: { ...d.alarms, ...given.alarms },
    lifecycle: { ...d.lifecycle, ...given.lifecycle },
    catalog: { ...d.catalog, ...given.catalog },
  };
  if (config.warehouse.kind === 'serverless' && config.warehouse.maxCapacityRpu < config.warehouse.baseCapacityRpu) {
    return { ok: false, issues: [{ file, pointer: '/warehouse/maxCapacityRpu', message: `/warehouse/maxCapacityRpu (${config.warehouse.maxCapacityRpu}) must be at least baseCapacityRpu (${config.warehouse.baseCapacityRpu})` }] };
  }
  return { ok: true, config };
}

function resolveWarehouse(given: InfraConfigInput['warehouse']): WarehouseConfig {
  if (given === undefined || given.kind === undefined || given.kind === 'serverless') return { ...defaultServerlessWarehouse, ...(given as Partial<ServerlessWarehouseConfig> | undefined), kind: 'serverless' };
  return { port: 5439, ...given } as WarehouseConfig;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<Pick<T, K>>;
}

/**
 * Reads and resolves a configuration file; a missing file means every default. A file that breaks the schema throws
 * (the app cannot deploy a guess).
 *
 * @example
 * const config = await loadInfraConfig('infra/factline.infra.json');
 */
export async function loadInfraConfig(file: string | undefined): Promise<InfraConfig> {
  let input: unknown = {};
  if (file !== undefined) {
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InfraError(InfraErrorCode.configInvalid, `${file} cannot be read: ${(error as Error).message}`, [], { cause: error });
    }
    if (text !== undefined) {
      try {
        input = JSON.parse(text);
      } catch (error) {
        throw new InfraError(InfraErrorCode.configInvalid, `${file} is not valid JSON: ${(error as Error).message}`, [], { cause: error });
      }
    }
  }
  const result = resolveInfraConfig(input, file);
  if (!result.ok) throw new InfraError(InfraErrorCode.configInvalid, `${file ?? 'the configuration'} is invalid; see infra/README.md, "Configuration":`, result.issues);
  return result.config;
}
