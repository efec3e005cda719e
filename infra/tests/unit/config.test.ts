import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultInfraConfig, InfraError, InfraErrorCode, loadInfraConfig, resolveInfraConfig } from '@factline/infra';

describe('resolveInfraConfig', () => {
  it('fills every default when given nothing', () => {
    expect(resolveInfraConfig({})).toEqual({ ok: true, config: defaultInfraConfig });
  });

  it('merges a partial section with its defaults', () => {
    const result = resolveInfraConfig({ transformer: { memorySizeMb: 1024 }, warehouse: { maxCapacityRpu: 64 } });
    expect(result.ok && result.config.transformer).toEqual({ ...defaultInfraConfig.transformer, memorySizeMb: 1024 });
    expect(result.ok && result.config.warehouse).toMatchObject({ kind: 'serverless', baseCapacityRpu: 8, maxCapacityRpu: 64, namespaceName: 'factline' });
  });

  it('returns the JSON Pointer of every problem instead of throwing', () => {
    const result = resolveInfraConfig({ logRetentionDays: 10, transformer: { architecture: 'sparc' }, extra: true });
    expect(result.ok).toBe(false);
    const pointers = !result.ok ? result.issues.map((i) => i.pointer) : [];
    expect(pointers).toEqual(expect.arrayContaining(['/logRetentionDays', '/transformer/architecture', '']));
  });

  it('requires the endpoint and the admin secret of an existing cluster', () => {
    const result = resolveInfraConfig({ warehouse: { kind: 'existing-cluster', clusterIdentifier: 'analytics' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.some((i) => i.message.includes('endpointAddress'))).toBe(true);
  });

  it('gives an existing warehouse the default Redshift port', () => {
    const result = resolveInfraConfig({ warehouse: { kind: 'existing-cluster', clusterIdentifier: 'analytics', endpointAddress: 'h', databaseName: 'dev', adminSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf' } });
    expect(result.ok && result.config.warehouse).toMatchObject({ kind: 'existing-cluster', port: 5439 });
  });

  it('refuses a maximum capacity below the base capacity', () => {
    const result = resolveInfraConfig({ warehouse: { baseCapacityRpu: 16, maxCapacityRpu: 8 } });
    expect(!result.ok && result.issues.map((i) => i.pointer)).toEqual(['/warehouse/maxCapacityRpu']);
  });

  it('refuses a VPC without its subnets', () => {
    const result = resolveInfraConfig({ warehouse: { vpcId: 'vpc-0abc' } });
    expect(result.ok).toBe(false);
  });
});

describe('loadInfraConfig', () => {
  it('uses every default when the file does not exist', async () => {
    expect(await loadInfraConfig(path.join(tmpdir(), 'no-such-dir', 'factline.infra.json'))).toEqual(defaultInfraConfig);
  });

  it('throws an error naming the file and the pointer of a bad value', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'factline-config-')), 'factline.infra.json');
    await writeFile(file, JSON.stringify({ encryption: 'rot13' }));
    const error = await loadInfraConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfraError);
    expect((error as InfraError).code).toBe(InfraErrorCode.configInvalid);
    expect((error as InfraError).message).toContain(file);
    expect((error as InfraError).issues[0]?.pointer).toBe('/encryption');
  });
});

describe('Redshift Serverless limits', () => {
  it.each([
    [{ port: 5439 }, true],
    [{ port: 8200 }, true],
    [{ port: 6000 }, false],
    [{ baseCapacityRpu: 4, maxCapacityRpu: 8 }, true],
    [{ baseCapacityRpu: 12 }, false],
    [{ baseCapacityRpu: 16 }, true],
  ])('accepts %o: %s', (warehouse, ok) => {
    expect(resolveInfraConfig({ warehouse }).ok).toBe(ok);
  });
});
