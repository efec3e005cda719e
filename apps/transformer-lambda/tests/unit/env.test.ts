import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readConfig } from '@factline/transformer-lambda';

describe('readConfig', () => {
  it('applies the defaults to an empty environment', () => {
    // Act
    const result = readConfig({});

    // Assess
    expect(result).toEqual({
      ok: true,
      config: { serviceName: 'factline-transformer', logLevel: 'INFO', maxResponseBytes: 6_000_000, validateDeclaredFacts: true, checkStreamEntity: true, logSamples: 10 },
    });
  });

  it('reads every variable', () => {
    // Act
    const result = readConfig({
      POWERTOOLS_SERVICE_NAME: 'facts',
      POWERTOOLS_LOG_LEVEL: 'debug',
      FACTLINE_MAX_RESPONSE_BYTES: '5000000',
      FACTLINE_VALIDATE_DECLARED_FACTS: 'FALSE',
      FACTLINE_CHECK_STREAM_ENTITY: 'false',
      FACTLINE_LOG_SAMPLES: '0',
    });

    // Assess
    expect(result).toEqual({ ok: true, config: { serviceName: 'facts', logLevel: 'DEBUG', maxResponseBytes: 5_000_000, validateDeclaredFacts: false, checkStreamEntity: false, logSamples: 0 } });
  });

  it("falls back to Lambda's own log level", () => {
    // Act
    const result = readConfig({ AWS_LAMBDA_LOG_LEVEL: 'WARN' });

    // Assess
    expect(result.ok && result.config.logLevel).toBe('WARN');
  });

  it('reports every invalid variable at once', () => {
    // Act
    const result = readConfig({ POWERTOOLS_LOG_LEVEL: 'loud', FACTLINE_MAX_RESPONSE_BYTES: '7000000', FACTLINE_VALIDATE_DECLARED_FACTS: 'yes', FACTLINE_LOG_SAMPLES: '-1' });

    // Assess
    expect(result).toEqual({
      ok: false,
      issues: [
        { variable: 'POWERTOOLS_LOG_LEVEL', message: expect.stringContaining('"loud"') },
        { variable: 'FACTLINE_MAX_RESPONSE_BYTES', message: expect.stringContaining('6291456') },
        { variable: 'FACTLINE_VALIDATE_DECLARED_FACTS', message: expect.stringContaining('"yes"') },
        { variable: 'FACTLINE_LOG_SAMPLES', message: expect.stringContaining('"-1"') },
      ],
    });
  });

  it('throws one ConfigError naming the variables from loadConfig', () => {
    // Act
    const load = () => loadConfig({ FACTLINE_CHECK_STREAM_ENTITY: 'maybe' });

    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/FACTLINE_CHECK_STREAM_ENTITY must be "true" or "false"/);
  });
});
