// JSON Schema of the infra configuration (infra/factline.infra.json, or CDK context "factline"), so that a typo is
// refused with its JSON Pointer instead of silently deploying a default.

/**
 * CloudWatch Logs accepts only these retention periods (days).
 *
 * @example
 * logRetentionDayValues.includes(30); // true
 */
export const logRetentionDayValues = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const cidr = { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$' } as const;
const port = { type: 'integer', minimum: 1150, maximum: 65535 } as const;
// Redshift Serverless accepts only these two port ranges.
const serverlessPort = { type: 'integer', anyOf: [{ minimum: 5431, maximum: 5455 }, { minimum: 8191, maximum: 8215 }] } as const;
const redshiftName = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const days = { type: 'integer', minimum: 1, maximum: 36500 } as const;

const serverless = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { const: 'serverless' },
    namespaceName: { type: 'string', pattern: '^[a-z0-9-]{3,64}$' },
    workgroupName: { type: 'string', pattern: '^[a-z0-9-]{3,64}$' },
    databaseName: redshiftName,
    adminUsername: redshiftName,
    // 4 RPUs, or 8 to 1024 in steps of 8.
    baseCapacityRpu: { type: 'integer', anyOf: [{ const: 4 }, { minimum: 8, maximum: 1024, multipleOf: 8 }] },
    maxCapacityRpu: { type: 'integer', minimum: 4, maximum: 9999 },
    port: serverlessPort,
    finalSnapshotRetentionDays: { type: 'integer', minimum: 1, maximum: 3653 },
    vpcId: { type: 'string', pattern: '^vpc-[0-9a-f]+$' },
    subnetIds: { type: 'array', minItems: 3, items: { type: 'string', pattern: '^subnet-[0-9a-f]+$' } },
    allowedCidrBlocks: { type: 'array', items: cidr },
  },
  dependencies: { vpcId: ['subnetIds'], subnetIds: ['vpcId'] },
} as const;

const existingWorkgroup = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'workgroupName', 'workgroupArn', 'endpointAddress', 'databaseName', 'adminSecretArn'],
  properties: {
    kind: { const: 'existing-workgroup' },
    workgroupName: { type: 'string', minLength: 3, maxLength: 64 },
    workgroupArn: { type: 'string', pattern: '^arn:aws[a-z-]*:redshift-serverless:[a-z0-9-]+:\\d{12}:workgroup/.+$' },
    endpointAddress: { type: 'string', minLength: 1 },
    port,
    databaseName: redshiftName,
    adminSecretArn: { type: 'string', pattern: '^arn:aws[a-z-]*:secretsmanager:' },
  },
} as const;

const existingCluster = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'clusterIdentifier', 'endpointAddress', 'databaseName', 'adminSecretArn'],
  properties: {
    kind: { const: 'existing-cluster' },
    clusterIdentifier: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
    endpointAddress: { type: 'string', minLength: 1 },
    port,
    databaseName: redshiftName,
    adminSecretArn: { type: 'string', pattern: '^arn:aws[a-z-]*:secretsmanager:' },
  },
} as const;

/**
 * @example
 * new Ajv().compile(infraConfigSchema)({ encryption: 'kms' }); // true
 */
export const infraConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    stackName: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]{0,127}$' },
    account: { type: 'string', pattern: '^\\d{12}$' },
    region: { type: 'string', pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$' },
    encryption: { enum: ['kms', 's3-managed'] },
    bucketName: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
    logRetentionDays: { enum: logRetentionDayValues },
    transformer: {
      type: 'object',
      additionalProperties: false,
      properties: {
        memorySizeMb: { type: 'integer', minimum: 128, maximum: 10240 },
        timeoutSeconds: { type: 'integer', minimum: 1, maximum: 300 },
        architecture: { enum: ['arm64', 'x86_64'] },
        bundleDir: { type: 'string', minLength: 1 },
      },
    },
    warehouse: { oneOf: [serverless, existingWorkgroup, existingCluster] },
    loaderUsername: redshiftName,
    firehoseCidrBlocks: { type: 'array', minItems: 1, items: cidr },
    alarms: {
      type: 'object',
      additionalProperties: false,
      properties: {
        email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' },
        dataFreshnessSeconds: { type: 'integer', minimum: 60, maximum: 86400 },
      },
    },
    lifecycle: {
      type: 'object',
      additionalProperties: false,
      properties: {
        intelligentTieringAfterDays: { type: 'integer', minimum: 0, maximum: 36500 },
        expireRawAfterDays: days,
        expireProcessingFailedAfterDays: days,
        accessLogsExpireAfterDays: days,
      },
    },
    catalog: {
      type: 'object',
      additionalProperties: false,
      properties: {
        databaseName: { type: 'string', pattern: '^[a-z0-9_]{1,255}$' },
        projectionStartHour: { type: 'string', pattern: '^\\d{4}/\\d{2}/\\d{2}/\\d{2}$' },
      },
    },
  },
} as const;
