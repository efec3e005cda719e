import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFactlineApp, InfraError, InfraErrorCode } from '@factline/infra';
import { generatedProject, transformerBundleDir } from '../support/project.js';
import { resourcesOfType, synthesize } from '../support/synth.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let root: string;
beforeAll(async () => {
  root = await generatedProject();
});

const adminSecretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:analytics-admin-AbCdEf';

describe('an existing warehouse', () => {
  it('points Firehose and the migrator at an existing cluster and creates no Redshift resources', async () => {
    const { template } = await synthesize(root, {
      warehouse: { kind: 'existing-cluster', clusterIdentifier: 'analytics', endpointAddress: 'analytics.abc123.eu-west-1.redshift.amazonaws.com', databaseName: 'dev', adminSecretArn },
    });
    expect(resourcesOfType(template, 'AWS::RedshiftServerless::Workgroup')).toEqual([]);
    expect(resourcesOfType(template, 'AWS::EC2::VPC')).toEqual([]);
    for (const [, stream] of resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream')) {
      expect((stream as Json).RedshiftDestinationConfiguration.ClusterJDBCURL).toBe('jdbc:redshift://analytics.abc123.eu-west-1.redshift.amazonaws.com:5439/dev');
    }
    const [[, contract]] = resourcesOfType(template, 'Custom::FactlineWarehouseContract') as [[string, Json]];
    expect(contract.Target).toEqual({ ClusterIdentifier: 'analytics', Database: 'dev', SecretArn: adminSecretArn });
    const runs = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, p]) => (p.PolicyDocument as Json).Statement as Json[]).find((st) => st.Sid === 'RunStatements');
    expect(runs?.Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':redshift:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':cluster:analytics']] });
  });

  it('targets an existing Serverless workgroup through the Data API by name, authorised on its ARN', async () => {
    const workgroupArn = 'arn:aws:redshift-serverless:eu-west-1:123456789012:workgroup/0b8c5f3e-1d2a-4c1b-9d3e-123456789abc';
    const { template } = await synthesize(root, {
      warehouse: { kind: 'existing-workgroup', workgroupName: 'analytics', workgroupArn, endpointAddress: 'analytics.123456789012.eu-west-1.redshift-serverless.amazonaws.com', port: 5440, databaseName: 'dev', adminSecretArn },
    });
    const [[, contract]] = resourcesOfType(template, 'Custom::FactlineWarehouseContract') as [[string, Json]];
    expect(contract.Target).toEqual({ WorkgroupName: 'analytics', Database: 'dev', SecretArn: adminSecretArn });
    const [[, stream]] = resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream') as [[string, Json]];
    expect(stream.RedshiftDestinationConfiguration.ClusterJDBCURL).toBe('jdbc:redshift://analytics.123456789012.eu-west-1.redshift-serverless.amazonaws.com:5440/dev');
  });
});

describe('encryption and region choices', () => {
  it('uses SSE-S3 and creates no key when encryption is s3-managed', async () => {
    const { template } = await synthesize(root, { encryption: 's3-managed' });
    expect(resourcesOfType(template, 'AWS::KMS::Key')).toEqual([]);
    const encrypted = resourcesOfType(template, 'AWS::S3::Bucket').map(([, p]) => (p.BucketEncryption as Json).ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm);
    expect(encrypted).toEqual(['AES256', 'AES256']);
  });

  it('admits the literal Firehose CIDR block of a pinned region', async () => {
    const { template } = await synthesize(root, { region: 'eu-west-1' }, { region: 'eu-west-1' });
    const [[, group]] = resourcesOfType(template, 'AWS::EC2::SecurityGroup') as [[string, Json]];
    expect(group.SecurityGroupIngress.map((rule: Json) => rule.CidrIp)).toEqual(['52.19.239.192/27']);
  });

  it('admits configured CIDR blocks and analysts’ clients instead of the published block', async () => {
    const { template } = await synthesize(root, { firehoseCidrBlocks: ['198.51.100.0/27'], warehouse: { allowedCidrBlocks: ['203.0.113.7/32'] } });
    const [[, group]] = resourcesOfType(template, 'AWS::EC2::SecurityGroup') as [[string, Json]];
    expect(group.SecurityGroupIngress.map((rule: Json) => rule.CidrIp)).toEqual(['198.51.100.0/27', '203.0.113.7/32']);
  });

  it('refuses a pinned region whose Firehose CIDR block is unknown, naming the setting to use', async () => {
    const error = await synthesize(root, {}, { region: 'ap-southeast-7' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfraError);
    expect((error as InfraError).code).toBe(InfraErrorCode.regionUnsupported);
    expect((error as InfraError).message).toContain('firehoseCidrBlocks');
  });
});

describe('the app', () => {
  it('reads the project root and the configuration file from CDK context', async () => {
    const config = path.join(await mkdtemp(path.join(tmpdir(), 'factline-app-')), 'staging.json');
    await writeFile(config, JSON.stringify({ stackName: 'FactlineStaging', transformer: { bundleDir: transformerBundleDir }, alarms: { email: 'data-oncall@example.com' } }));
    const { stack } = await createFactlineApp({ app: new App({ context: { projectRoot: root, config } }) });
    expect(stack.stackName).toBe('FactlineStaging');
    const template = Template.fromStack(stack);
    expect(resourcesOfType(template, 'AWS::SNS::Subscription').map(([, p]) => p.Endpoint)).toEqual(['data-oncall@example.com']);
    expect(resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream').length).toBeGreaterThan(0);
  });
});
