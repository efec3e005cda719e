import { beforeAll, describe, expect, it } from 'vitest';
import { writePrefixes } from '@factline/infra';
import { generatedProject } from '../support/project.js';
import { logicalIdOf, resources, resourcesOfType, synthesize, type Synthesized } from '../support/synth.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Found {
  where: string;
  statement: Json;
}

let s: Synthesized;
beforeAll(async () => {
  s = await synthesize(await generatedProject());
});

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Every statement of every identity and resource policy in the template (key policies are checked on their own). */
function statements(): Found[] {
  const found: Found[] = [];
  for (const [id, resource] of Object.entries(resources(s.template))) {
    const p = resource.Properties ?? {};
    const documents: Json[] = [];
    if (['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy'].includes(resource.Type)) documents.push(p.PolicyDocument as Json);
    if (resource.Type === 'AWS::IAM::Role') documents.push(...list(p.Policies).map((policy) => (policy as Json).PolicyDocument as Json));
    for (const document of documents) for (const statement of list(document.Statement)) found.push({ where: id, statement: statement as Json });
  }
  return found;
}

// Actions IAM cannot scope to a resource: the Data API shows a caller only the statements it ran itself.
const resourcelessActions = new Set(['redshift-data:DescribeStatement', 'redshift-data:GetStatementResult']);

function roleStatements(roleLogicalId: string): Json[] {
  return resourcesOfType(s.template, 'AWS::IAM::Policy')
    .filter(([, p]) => list(p.Roles).some((r) => (r as Json).Ref === roleLogicalId))
    .flatMap(([, p]) => list((p.PolicyDocument as Json).Statement) as Json[]);
}

describe('least privilege', () => {
  it('allows no action with a wildcard, anywhere', () => {
    const allows = statements().filter((f) => f.statement.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(10);
    const wildcards = allows.flatMap((f) => list(f.statement.Action).filter((a) => String(a).includes('*')).map((a) => `${f.where}: ${String(a)}`));
    expect(wildcards).toEqual([]);
  });

  it('allows "*" as a resource only for the actions IAM cannot scope', () => {
    const onEverything = statements().filter((f) => f.statement.Effect === 'Allow' && list(f.statement.Resource).includes('*'));
    for (const found of onEverything) expect(list(found.statement.Action).every((a) => resourcelessActions.has(String(a))), found.where).toBe(true);
  });

  it('lets each delivery stream write only its own prefixes and invoke only the transformer', () => {
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(s.stack, s.stack.storage.bucket), 'Arn'] };
    const transformerArn = { 'Fn::GetAtt': [logicalIdOf(s.stack, s.stack.transformer.function), 'Arn'] };
    for (const delivery of s.stack.deliveryStreams) {
      const stream = s.inputs.settings.streams.find((st) => st.deliveryStreamName === delivery.deliveryStream.deliveryStreamName)!;
      const granted = roleStatements(logicalIdOf(s.stack, delivery.role.role));
      const writes = granted.filter((st) => list(st.Action).includes('s3:PutObject'));
      expect(writes).toHaveLength(1);
      expect(writes[0]!.Resource).toEqual(writePrefixes(stream).map((prefix) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}*`]] })));
      const invokes = granted.filter((st) => list(st.Action).includes('lambda:InvokeFunction'));
      expect(invokes.map((st) => st.Resource)).toEqual([transformerArn]);
    }
  });

  it('trusts only Firehose of this account to assume a delivery role', () => {
    for (const delivery of s.stack.deliveryStreams) {
      const role = resources(s.template)[logicalIdOf(s.stack, delivery.role.role)]!.Properties!;
      expect((role.AssumeRolePolicyDocument as Json).Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'firehose.amazonaws.com' }, Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'AWS::AccountId' } } } },
      ]);
    }
  });

  it('exports a producer policy allowing only PutRecordBatch and PutRecord on the factline streams', () => {
    const [[, policy]] = resourcesOfType(s.template, 'AWS::IAM::ManagedPolicy').filter(([id]) => id.startsWith('ProducerPolicy')) as [[string, Json]];
    const streamArns = s.stack.deliveryStreams.map((d) => ({ 'Fn::GetAtt': [logicalIdOf(s.stack, d.deliveryStream), 'Arn'] }));
    expect(policy.PolicyDocument.Statement).toEqual([{ Sid: 'SendEvents', Effect: 'Allow', Action: ['firehose:PutRecordBatch', 'firehose:PutRecord'], Resource: streamArns }]);
    const output = (s.template.toJSON() as Json).Outputs.ProducerPolicyArn;
    expect(output.Export.Name).toBe('Factline-ProducerPolicyArn');
  });

  it('lets the transformer write its own log group and nothing else', () => {
    const roleId = logicalIdOf(s.stack, s.stack.transformer.function.role!.node.defaultChild as never);
    const group = (resources(s.template)[logicalIdOf(s.stack, s.stack.transformer.function)]!.Properties!.LoggingConfig as Json).LogGroup.Ref;
    expect(roleStatements(roleId)).toEqual([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [group, 'Arn'] } }]);
    expect(resources(s.template)[roleId]!.Properties!.ManagedPolicyArns).toBeUndefined();
  });

  it('keeps the key policy to the account root, so that only IAM policies grant the key', () => {
    const key = resources(s.template)[logicalIdOf(s.stack, s.stack.storage.key!)]!.Properties!;
    const keyStatements = (key.KeyPolicy as Json).Statement as Json[];
    expect(keyStatements).toHaveLength(1);
    expect(keyStatements[0]!.Principal).toEqual({ AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } });
  });

  it('uses the key only through S3, for this bucket', () => {
    const kms = statements().filter((f) => f.statement.Effect === 'Allow' && list(f.statement.Action).some((a) => String(a).startsWith('kms:')));
    expect(kms.length).toBeGreaterThan(0);
    for (const found of kms) {
      expect(found.statement.Condition.StringEquals['kms:ViaService'], found.where).toEqual({ 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] });
    }
  });
});
