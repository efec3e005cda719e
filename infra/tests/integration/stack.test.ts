import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderCopyOptions } from '@factline/stream-settings';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFreshnessSeconds, parseMigrationText, projectPaths } from '@factline/infra';
import { generatedProject } from '../support/project.js';
import { logicalIdOf, resources, resourcesOfType, synthesize, type Synthesized } from '../support/synth.js';

// One synthesized template shared by every test below (the first synth is the slow part).
let s: Synthesized;
let root: string;
beforeAll(async () => {
  root = await generatedProject();
  s = await synthesize(root);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function deliveryStream(name: string): Json {
  const found = resourcesOfType(s.template, 'AWS::KinesisFirehose::DeliveryStream').find(([, p]) => p.DeliveryStreamName === name);
  if (found === undefined) throw new Error(`no delivery stream ${name}`);
  return found[1];
}

const bucketId = () => logicalIdOf(s.stack, s.stack.storage.bucket);
const bucketArn = () => ({ 'Fn::GetAtt': [bucketId(), 'Arn'] });

describe('delivery streams', () => {
  it('creates exactly one Direct PUT stream per entity of the stream settings', () => {
    const names = resourcesOfType(s.template, 'AWS::KinesisFirehose::DeliveryStream').map(([, p]) => p.DeliveryStreamName);
    expect(names.sort()).toEqual(s.inputs.settings.streams.map((st) => st.deliveryStreamName).sort());
    for (const stream of s.inputs.settings.streams) expect(deliveryStream(stream.deliveryStreamName).DeliveryStreamType).toBe('DirectPut');
  });

  it('gives every stream the generated CopyCommand, with the bucket substituted for ${BucketName}', () => {
    for (const stream of s.inputs.settings.streams) {
      const copy = deliveryStream(stream.deliveryStreamName).RedshiftDestinationConfiguration.CopyCommand;
      expect(copy.DataTableName).toBe(stream.redshift.copyCommand.dataTableName);
      expect(copy.DataTableColumns).toBe(stream.redshift.copyCommand.dataTableColumns);
      const [text, variables] = copy.CopyOptions['Fn::Sub'];
      expect(variables).toEqual({ BucketName: { Ref: bucketId() } });
      expect(String(text).replaceAll('${BucketName}', 'the-bucket')).toBe(renderCopyOptions(stream, 'the-bucket'));
    }
  });

  it('gives every stream the generated Lambda processor settings, invoking the transformer', () => {
    const transformerArn = { 'Fn::GetAtt': [logicalIdOf(s.stack, s.stack.transformer.function), 'Arn'] };
    for (const stream of s.inputs.settings.streams) {
      const processing = deliveryStream(stream.deliveryStreamName).RedshiftDestinationConfiguration.ProcessingConfiguration;
      expect(processing).toEqual({
        Enabled: true,
        Processors: [
          {
            Type: 'Lambda',
            Parameters: [
              { ParameterName: 'LambdaArn', ParameterValue: transformerArn },
              { ParameterName: 'NumberOfRetries', ParameterValue: String(stream.processor.numberOfRetries) },
              { ParameterName: 'BufferSizeInMBs', ParameterValue: String(stream.processor.bufferSizeInMBs) },
              { ParameterName: 'BufferIntervalInSeconds', ParameterValue: String(stream.processor.bufferIntervalInSeconds) },
            ],
          },
        ],
      });
    }
  });

  it('gives every stream the generated S3 settings, source backup and Redshift retry duration', () => {
    for (const stream of s.inputs.settings.streams) {
      const destination = deliveryStream(stream.deliveryStreamName).RedshiftDestinationConfiguration;
      expect(destination.RetryOptions).toEqual({ DurationInSeconds: stream.redshift.retryDurationInSeconds });
      expect(destination.S3Configuration).toMatchObject({
        BucketARN: bucketArn(),
        Prefix: stream.s3.prefix,
        BufferingHints: { SizeInMBs: stream.s3.bufferingHints.sizeInMBs, IntervalInSeconds: stream.s3.bufferingHints.intervalInSeconds },
        CompressionFormat: stream.s3.compressionFormat,
      });
      // Firehose refuses an ErrorOutputPrefix on the intermediate bucket of a Redshift destination.
      expect(destination.S3Configuration.ErrorOutputPrefix).toBeUndefined();
      expect(destination.S3BackupMode).toBe('Enabled');
      expect(destination.S3BackupConfiguration).toMatchObject({
        BucketARN: bucketArn(),
        Prefix: stream.sourceBackup.prefix,
        ErrorOutputPrefix: stream.sourceBackup.errorOutputPrefix,
        BufferingHints: { SizeInMBs: stream.sourceBackup.bufferingHints.sizeInMBs, IntervalInSeconds: stream.sourceBackup.bufferingHints.intervalInSeconds },
        CompressionFormat: stream.sourceBackup.compressionFormat,
      });
    }
  });

  it('logs delivery errors of every stream to its own log group with a retention', () => {
    for (const stream of s.inputs.settings.streams) {
      const destination = deliveryStream(stream.deliveryStreamName).RedshiftDestinationConfiguration;
      const group = destination.CloudWatchLoggingOptions.LogGroupName.Ref as string;
      expect(destination.CloudWatchLoggingOptions).toMatchObject({ Enabled: true, LogStreamName: 'DestinationDelivery' });
      expect(destination.S3BackupConfiguration.CloudWatchLoggingOptions).toMatchObject({ Enabled: true, LogStreamName: 'BackupDelivery', LogGroupName: { Ref: group } });
      expect(resources(s.template)[group]?.Properties).toMatchObject({ LogGroupName: `/aws/kinesisfirehose/${stream.deliveryStreamName}`, RetentionInDays: 30 });
      const streams = resourcesOfType(s.template, 'AWS::Logs::LogStream').filter(([, p]) => (p.LogGroupName as Json).Ref === group).map(([, p]) => p.LogStreamName);
      expect(streams.sort()).toEqual(['BackupDelivery', 'DestinationDelivery']);
    }
  });

  it('loads as the loader user whose password is in Secrets Manager, not in the template', () => {
    for (const stream of s.inputs.settings.streams) {
      const destination = deliveryStream(stream.deliveryStreamName).RedshiftDestinationConfiguration;
      expect(destination.Username).toBeUndefined();
      expect(destination.Password).toBeUndefined();
      const secretId = destination.SecretsManagerConfiguration.SecretARN.Ref as string;
      expect(destination.SecretsManagerConfiguration).toEqual({ Enabled: true, SecretARN: { Ref: secretId }, RoleARN: destination.RoleARN });
      expect(resources(s.template)[secretId]?.Properties?.GenerateSecretString).toMatchObject({ SecretStringTemplate: JSON.stringify({ username: 'factline_loader' }), GenerateStringKey: 'password' });
    }
  });

  it('creates the tables and uploads the JSONPaths files before any stream changes', async () => {
    const [[contractId, contract]] = resourcesOfType(s.template, 'Custom::FactlineWarehouseContract') as [[string, Json]];
    const objects = contract.JsonPaths.Objects as { Key: string; Body: string }[];
    for (const stream of s.inputs.settings.streams) {
      const file = path.join(root, projectPaths.jsonPaths, path.basename(stream.redshift.jsonPathsKey));
      expect(objects.find((o) => o.Key === stream.redshift.jsonPathsKey)?.Body).toBe(await readFile(file, 'utf8'));
      const id = resourcesOfType(s.template, 'AWS::KinesisFirehose::DeliveryStream').find(([, p]) => p.DeliveryStreamName === stream.deliveryStreamName)![0];
      expect(resources(s.template)[id]?.DependsOn).toContain(contractId);
    }
    expect(contract.Schema).toBe(s.inputs.settings.warehouse.schema);
    expect(contract.Loader.Tables).toEqual(s.inputs.settings.streams.map((st) => st.redshift.copyCommand.dataTableName));
  });

  it('passes every generated Redshift migration to the migrator, with the checksum the runner records', async () => {
    const [[, contract]] = resourcesOfType(s.template, 'Custom::FactlineWarehouseContract') as [[string, Json]];
    const folder = path.join(root, projectPaths.redshiftMigrations);
    const names = (contract.Migrations as Json[]).map((m) => m.Name as string);
    expect(names.length).toBeGreaterThan(0);
    for (const migration of contract.Migrations as Json[]) {
      const parsed = parseMigrationText(migration.Name, await readFile(path.join(folder, migration.Name), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      expect(migration).toEqual({ Id: String(parsed.migration.id), Name: parsed.migration.name, Checksum: parsed.migration.checksum, Transaction: String(parsed.migration.transaction), Statements: parsed.migration.statements });
    }
  });
});

describe('the master dataset bucket', () => {
  const bucket = () => resources(s.template)[bucketId()]!;

  it('is encrypted with the customer-managed, rotated key and S3 Bucket Keys', () => {
    const keyId = logicalIdOf(s.stack, s.stack.storage.key!);
    expect(bucket().Properties!.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } } }] });
    expect(resources(s.template)[keyId]?.Properties).toMatchObject({ EnableKeyRotation: true });
  });

  it('blocks every kind of public access and keeps versions', () => {
    expect(bucket().Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses every request that does not use TLS', () => {
    const [, policy] = resourcesOfType(s.template, 'AWS::S3::BucketPolicy').find(([, p]) => (p.Bucket as Json).Ref === bucketId())!;
    expect((policy.PolicyDocument as Json).Statement).toContainEqual({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Resource: [bucketArn(), { 'Fn::Join': ['', [bucketArn(), '/*']] }],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('never expires facts or raw events by default, and survives the stack', () => {
    const rules = (bucket().Properties!.LifecycleConfiguration as Json).Rules as Json[];
    for (const rule of rules) {
      const prefix = (rule.Prefix as string | undefined) ?? '';
      if (prefix === '' || prefix.startsWith('facts/') || prefix.startsWith('raw/')) {
        expect(rule.ExpirationInDays, `rule ${rule.Id}`).toBeUndefined();
        expect(rule.NoncurrentVersionExpiration, `rule ${rule.Id}`).toBeUndefined();
      }
    }
    expect(rules.map((r) => r.Id)).toEqual(expect.arrayContaining(['abort-incomplete-multipart-uploads', 'facts-intelligent-tiering', 'raw-intelligent-tiering']));
    expect(bucket().DeletionPolicy).toBe('Retain');
  });

  it('sends object-created events to EventBridge and access logs to its log bucket', () => {
    expect(bucket().Properties).toMatchObject({
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(s.stack, s.stack.storage.accessLogs) }, LogFilePrefix: 'master-dataset/' },
    });
  });
});

describe('the transformer Lambda', () => {
  it('runs the prebuilt bundle on nodejs22.x, arm64, sized for the 3 MB buffer, with a log retention', () => {
    const fn = resources(s.template)[logicalIdOf(s.stack, s.stack.transformer.function)]!.Properties!;
    expect(fn).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: 1769, Timeout: 60 });
    const group = (fn.LoggingConfig as Json).LogGroup.Ref as string;
    expect(resources(s.template)[group]?.Properties).toMatchObject({ RetentionInDays: 30 });
  });

  it('runs with source maps and a 32 MB semi-space (the response stays alive for the whole batch)', () => {
    const fn = resources(s.template)[logicalIdOf(s.stack, s.stack.transformer.function)]!.Properties!;
    expect((fn.Environment as Json).Variables).toMatchObject({ NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=32', POWERTOOLS_SERVICE_NAME: 'factline-transformer' });
  });

  it('is never given a timeout Firehose would not wait for', () => {
    const fn = resources(s.template)[logicalIdOf(s.stack, s.stack.transformer.function)]!.Properties!;
    expect(fn.Timeout as number).toBeLessThanOrEqual(300);
  });
});

describe('alarms', () => {
  const alarms = () => resourcesOfType(s.template, 'AWS::CloudWatch::Alarm').map(([, p]) => p as Json);
  const topicRef = () => ({ Ref: logicalIdOf(s.stack, s.stack.alarms.topic) });

  it('watches processing failures, Redshift delivery, data freshness and throttling on every stream', () => {
    for (const stream of s.inputs.settings.streams) {
      const onStream = alarms().filter((a) => a.Namespace === 'AWS/Firehose' && (a.Dimensions as Json[]).some((d) => d.Name === 'DeliveryStreamName' && d.Value === stream.deliveryStreamName));
      const byMetric = Object.fromEntries(onStream.map((a) => [a.MetricName, a]));
      expect(Object.keys(byMetric).sort()).toEqual(['BackupToS3.DataFreshness', 'DeliveryToRedshift.DataFreshness', 'DeliveryToRedshift.Success', 'ExecuteProcessing.Success', 'ThrottledRecords']);
      expect(byMetric['ExecuteProcessing.Success']).toMatchObject({ Statistic: 'Average', Threshold: 1, ComparisonOperator: 'LessThanThreshold' });
      expect(byMetric['DeliveryToRedshift.Success']).toMatchObject({ Statistic: 'Average', Threshold: 1, ComparisonOperator: 'LessThanThreshold' });
      expect(byMetric['DeliveryToRedshift.DataFreshness']).toMatchObject({ Statistic: 'Maximum', Threshold: defaultFreshnessSeconds(stream), ComparisonOperator: 'GreaterThanThreshold' });
      for (const alarm of onStream) expect(alarm.AlarmActions).toEqual([topicRef()]);
    }
  });

  it('watches the transformer for errors and throttles', () => {
    const functionRef = { Ref: logicalIdOf(s.stack, s.stack.transformer.function) };
    const onFunction = alarms().filter((a) => a.Namespace === 'AWS/Lambda' && (a.Dimensions as Json[]).some((d) => d.Name === 'FunctionName' && JSON.stringify(d.Value) === JSON.stringify(functionRef)));
    expect(onFunction.map((a) => a.MetricName).sort()).toEqual(['Errors', 'Throttles']);
    for (const alarm of onFunction) expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topicRef()] });
  });

  it('notifies on every object written under a stream’s processing-failed and skipped-COPY folders', () => {
    const rules = resourcesOfType(s.template, 'AWS::Events::Rule').map(([, p]) => p as Json);
    for (const stream of s.inputs.settings.streams) {
      for (const prefix of [stream.s3.processingFailedPrefix, `${stream.s3.prefix}errors/`]) {
        const rule = rules.find((r) => JSON.stringify(r.EventPattern.detail.object.key) === JSON.stringify([{ prefix }]));
        expect(rule, prefix).toBeDefined();
        expect(rule!.EventPattern).toMatchObject({ source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: [{ Ref: bucketId() }] } } });
        expect(rule!.Targets).toEqual([expect.objectContaining({ Arn: topicRef() })]);
      }
    }
  });
});

describe('the Glue Data Catalog', () => {
  it('has one table per entity over facts/<entity>/, projected on the hourly folders only', () => {
    const tables = resourcesOfType(s.template, 'AWS::Glue::Table').map(([, p]) => (p as Json).TableInput as Json);
    expect(tables.map((t) => t.Name).sort()).toEqual(s.inputs.entities.map((e) => e.table.name).sort());
    for (const { stream, table } of s.inputs.entities) {
      const input = tables.find((t) => t.Name === table.name)!;
      const location = (input.StorageDescriptor.Location['Fn::Join'] as [string, unknown[]])[1];
      expect(location).toEqual(['s3://', { Ref: bucketId() }, `/${stream.s3.prefix}`]);
      expect(input.Parameters).toMatchObject({ 'projection.enabled': 'true', 'projection.arrival_hour.type': 'date', 'projection.arrival_hour.format': 'yyyy/MM/dd/HH', 'projection.arrival_hour.interval.unit': 'HOURS' });
      expect(input.Parameters['storage.location.template']['Fn::Join'][1]).toEqual(['s3://', { Ref: bucketId() }, `/${stream.s3.prefix}\${arrival_hour}/`]);
      expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
      // The shared fact columns come first, with the names analysts and tools rely on.
      expect((input.StorageDescriptor.Columns as Json[]).slice(0, 9).map((c) => c.Name)).toEqual(['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version']);
    }
  });
});

describe('the warehouse', () => {
  it('is a Redshift Serverless workgroup that admits only Firehose on its port, with require_ssl', () => {
    const [[, workgroup]] = resourcesOfType(s.template, 'AWS::RedshiftServerless::Workgroup') as [[string, Json]];
    expect(workgroup).toMatchObject({ PubliclyAccessible: true, EnhancedVpcRouting: false, Port: 5439, BaseCapacity: 8, MaxCapacity: 32, ConfigParameters: [{ ParameterKey: 'require_ssl', ParameterValue: 'true' }] });
    const [[, group]] = resourcesOfType(s.template, 'AWS::EC2::SecurityGroup') as [[string, Json]];
    expect(group.SecurityGroupIngress).toEqual([{ IpProtocol: 'tcp', FromPort: 5439, ToPort: 5439, CidrIp: { 'Fn::FindInMap': ['FirehoseCidrByRegion', { Ref: 'AWS::Region' }, 'cidr'] }, Description: 'Redshift clients' }]);
  });

  it('keeps the admin password out of the template', () => {
    const [[, namespace]] = resourcesOfType(s.template, 'AWS::RedshiftServerless::Namespace') as [[string, Json]];
    expect(JSON.stringify(namespace.AdminUserPassword)).toContain('{{resolve:secretsmanager:');
    expect(namespace.DefaultIamRoleArn).toEqual({ 'Fn::GetAtt': [logicalIdOf(s.stack, s.stack.warehouse.copyRole), 'Arn'] });
  });
});
