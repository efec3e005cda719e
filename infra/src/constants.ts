// Fixed names, paths and AWS facts the app relies on, in one place.

/**
 * Where the app reads its inputs, relative to the project root (docs/architecture.md, "Generated files").
 *
 * @example
 * path.join(root, projectPaths.streamSettings); // <root>/generated/stream-settings.json
 */
export const projectPaths = {
  streamSettings: 'generated/stream-settings.json',
  jsonPaths: 'generated/jsonpaths',
  redshiftMigrations: 'generated/migrations/redshift',
  warehouseState: 'generated/warehouse-state.json',
  /** Built by `pnpm --filter @factline/transformer-lambda bundle`: an esbuild bundle, used as is (no bundling at synth). */
  transformerBundle: 'apps/transformer-lambda/dist/bundle',
  /** Optional typed configuration of the deployment. */
  infraConfig: 'infra/factline.infra.json',
} as const;

/** The transformer bundle's entry file and exported handler (`index.mjs` exports `handler`). */
export const transformerEntry = { file: 'index.mjs', handler: 'index.handler' } as const;

/** The table in which the migrations runner records applied migrations (same as @factline/warehouse). */
export const migrationsTable = 'factline_migrations';

/** Firehose writes its delivery errors to these log streams of the stream's log group (the console's names). */
export const firehoseLogStreams = { destination: 'DestinationDelivery', backup: 'BackupDelivery' } as const;

/**
 * The CIDR block Firehose connects to Redshift from, per region ("VPC Access to an Amazon Redshift Cluster",
 * Firehose developer guide). Firehose reaches Redshift over the public endpoint only, so the warehouse's security
 * group admits exactly this block on the warehouse port. A region missing here needs `firehoseCidrBlocks` in the
 * configuration.
 *
 * @example
 * firehoseCidrByRegion['eu-west-1']; // '52.19.239.192/27'
 */
export const firehoseCidrByRegion: Readonly<Record<string, string>> = {
  'us-east-2': '13.58.135.96/27',
  'us-east-1': '52.70.63.192/27',
  'us-west-1': '13.57.135.192/27',
  'us-west-2': '52.89.255.224/27',
  'us-gov-east-1': '18.253.138.96/27',
  'us-gov-west-1': '52.61.204.160/27',
  'ca-central-1': '35.183.92.128/27',
  'ap-east-1': '18.162.221.32/27',
  'ap-south-1': '13.232.67.32/27',
  'ap-northeast-2': '13.209.1.64/27',
  'ap-southeast-1': '13.228.64.192/27',
  'ap-southeast-2': '13.210.67.224/27',
  'ap-northeast-1': '13.113.196.224/27',
  'cn-north-1': '52.81.151.32/27',
  'cn-northwest-1': '161.189.23.64/27',
  'eu-central-1': '35.158.127.160/27',
  'eu-west-1': '52.19.239.192/27',
  'eu-west-2': '18.130.1.96/27',
  'eu-west-3': '35.180.1.96/27',
  'eu-north-1': '13.53.63.224/27',
  'me-south-1': '15.185.91.0/27',
  'sa-east-1': '18.228.1.128/27',
  'eu-south-1': '15.161.135.128/27',
  // The guide prints "/277" for Cape Town, a typo for /27 (every other block is a /27).
  'af-south-1': '13.244.121.224/27',
  'ap-northeast-3': '13.208.177.192/27',
};

/** Custom resource properties travel in one CloudFormation request; keep them well under its size limit. */
export const maxContractPropertiesBytes = 200_000;
