import { describe, expect, it } from 'vitest';
import { createRedshiftWarehouse, validateRedshiftOptions, WarehouseConfigError, type RedshiftWarehouseOptions } from '@factline/warehouse';

describe('validateRedshiftOptions', () => {
  const modes: [options: RedshiftWarehouseOptions, mode: string, target: Record<string, string>][] = [
    [{ database: 'dev', clusterIdentifier: 'prod', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rs-AbC' }, 'secret', { Database: 'dev', ClusterIdentifier: 'prod', SecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rs-AbC' }],
    [{ database: 'dev', workgroupName: 'wg-analytics', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rs-AbC' }, 'secret', { Database: 'dev', WorkgroupName: 'wg-analytics', SecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rs-AbC' }],
    [{ database: 'dev', workgroupName: 'wg-analytics' }, 'serverless-iam', { Database: 'dev', WorkgroupName: 'wg-analytics' }],
    [{ database: 'dev', clusterIdentifier: 'prod' }, 'cluster-iam', { Database: 'dev', ClusterIdentifier: 'prod' }],
    [{ database: 'dev', clusterIdentifier: 'prod', dbUser: 'loader' }, 'cluster-db-user', { Database: 'dev', ClusterIdentifier: 'prod', DbUser: 'loader' }],
  ];
  for (const [options, mode, target] of modes) {
    it(`selects ${mode} for ${Object.keys(options).join(' + ')}`, () => {
      // Act
      const result = validateRedshiftOptions(options);

      // Assess
      expect(result.ok && result.options.authMode).toBe(mode);
      expect(result.ok && result.options.target).toEqual(target);
    });
  }

  it('applies the documented defaults', () => {
    // Act
    const result = validateRedshiftOptions({ database: 'dev', clusterIdentifier: 'prod' });

    // Assess
    expect(result.ok && result.options).toMatchObject({ statementTimeoutMs: 900_000, initialPollIntervalMs: 50, maxPollIntervalMs: 2000, backoffMultiplier: 2, maxSubmitRetries: 8, sessionKeepAliveSeconds: 300, iamRole: 'default', manifestPrefix: 'manifests/', statementName: 'factline' });
  });

  const invalid: [name: string, options: Record<string, unknown>, path: string, message: RegExp][] = [
    ['no database', { clusterIdentifier: 'prod' }, 'database', /required/],
    ['no cluster and no workgroup', { database: 'dev' }, 'clusterIdentifier', /clusterIdentifier .* or workgroupName/],
    ['a cluster and a workgroup', { database: 'dev', clusterIdentifier: 'prod', workgroupName: 'wg-1' }, 'workgroupName', /not both/],
    ['a secret and a db user', { database: 'dev', clusterIdentifier: 'prod', dbUser: 'u', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:x' }, 'dbUser', /secretArn or dbUser/],
    ['a db user with a workgroup', { database: 'dev', workgroupName: 'wg-1', dbUser: 'u' }, 'dbUser', /clusterIdentifier only/],
    ['a secret that is not an ARN', { database: 'dev', clusterIdentifier: 'prod', secretArn: 'my-secret' }, 'secretArn', /Secrets Manager secret ARN/],
    ['a cluster identifier of 64 characters', { database: 'dev', clusterIdentifier: 'c'.repeat(64) }, 'clusterIdentifier', /1 to 63/],
    ['a workgroup of 2 characters', { database: 'dev', workgroupName: 'wg' }, 'workgroupName', /3 to 128/],
    ['a zero timeout', { database: 'dev', clusterIdentifier: 'prod', statementTimeoutMs: 0 }, 'statementTimeoutMs', /from 1/],
    ['a keep-alive over a day', { database: 'dev', clusterIdentifier: 'prod', sessionKeepAliveSeconds: 90_000 }, 'sessionKeepAliveSeconds', /to 86400/],
    ['an IAM role that is not a role ARN', { database: 'dev', clusterIdentifier: 'prod', iamRole: 'arn:aws:iam::123456789012:user/x' }, 'iamRole', /role ARNs/],
  ];
  for (const [name, options, path, message] of invalid) {
    it(`refuses ${name}`, () => {
      // Act
      const result = validateRedshiftOptions(options as unknown as RedshiftWarehouseOptions);

      // Assess
      expect(result.ok).toBe(false);
      const issue = result.ok ? undefined : result.issues.find((i) => i.path === path);
      expect(issue?.message).toMatch(message);
    });
  }

  it('accepts a chain of IAM roles', () => {
    // Act
    const result = validateRedshiftOptions({ database: 'dev', clusterIdentifier: 'prod', iamRole: 'arn:aws:iam::123456789012:role/a,arn:aws:iam::210987654321:role/b' });

    // Assess
    expect(result.ok).toBe(true);
  });

  it('makes createRedshiftWarehouse throw every issue at once', () => {
    // Act
    const error = (() => {
      try {
        createRedshiftWarehouse({ workgroupName: 'wg', dbUser: 'u' } as unknown as RedshiftWarehouseOptions);
      } catch (e) {
        return e;
      }
      return undefined;
    })();

    // Assess
    expect(error).toBeInstanceOf(WarehouseConfigError);
    expect((error as WarehouseConfigError).issues.map((i) => i.path).sort()).toEqual(['database', 'dbUser', 'workgroupName']);
  });
});
