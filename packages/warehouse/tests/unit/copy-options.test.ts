import { describe, expect, it } from 'vitest';
import { parseCopyOptions, parseS3Url, type CopyOptions } from '@factline/warehouse';

const defaults: Omit<CopyOptions, 'format'> = { gzip: false, timeFormat: 'default', dateFormat: 'default', truncateColumns: false, emptyAsNull: false, blanksAsNull: false, roundDecimals: false, maxError: 0 };

describe('parseCopyOptions', () => {
  it("reads the options Firehose's CopyCommand carries", () => {
    // Act
    const result = parseCopyOptions("JSON 's3://my-bucket/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP");

    // Assess
    expect(result).toEqual({ ok: true, options: { ...defaults, format: { kind: 'jsonpaths', url: 's3://my-bucket/jsonpaths/booking_facts.json', bucket: 'my-bucket', key: 'jsonpaths/booking_facts.json' }, timeFormat: 'auto', gzip: true } });
  });

  it('reads FORMAT AS JSON, AS before values, lowercase keywords and every supported option', () => {
    // Act
    const result = parseCopyOptions("format as json as 's3://b/k.json' timeformat as 'epochmillisecs' dateformat 'auto' truncatecolumns emptyasnull blanksasnull roundec maxerror as 10 statupdate off compupdate off region 'eu-west-1'");

    // Assess
    expect(result).toEqual({
      ok: true,
      options: { format: { kind: 'jsonpaths', url: 's3://b/k.json', bucket: 'b', key: 'k.json' }, gzip: false, timeFormat: 'epochmillisecs', dateFormat: 'auto', truncateColumns: true, emptyAsNull: true, blanksAsNull: true, roundDecimals: true, maxError: 10 },
    });
  });

  it("reads a bare JSON and JSON 'auto' as auto", () => {
    // Act
    const bare = parseCopyOptions('JSON GZIP');
    const auto = parseCopyOptions("JSON 'auto'");

    // Assess
    expect(bare.ok && bare.options.format).toEqual({ kind: 'auto' });
    expect(bare.ok && bare.options.gzip).toBe(true);
    expect(auto.ok && auto.options.format).toEqual({ kind: 'auto' });
  });

  const refused: [options: string, message: RegExp][] = [
    ["JSON 's3://b/k' TIMEFORMAT 'AUTO'", /TIMEFORMAT 'AUTO' is not supported.*case-sensitive/],
    ["JSON 's3://b/k' TIMEFORMAT 'MM/DD/YYYY HH:MI'", /TIMEFORMAT 'MM\/DD\/YYYY HH:MI' is not supported/],
    ["JSON 's3://b/k' CSV", /CSV cannot be used with JSON/],
    ["JSON 's3://b/k' DELIMITER '|'", /DELIMITER cannot be used with JSON/],
    ["JSON 's3://b/k' ACCEPTINVCHARS", /ACCEPTINVCHARS is not supported/],
    ["JSON 's3://b/k' BZIP2", /BZIP2 is not supported/],
    ["JSON 'auto ignorecase'", /'auto ignorecase' is not supported/],
    ["JSON 'noshred'", /'noshred' is not supported/],
    ["JSON 'jsonpaths.json'", /s3:\/\/ URL/],
    ['GZIP', /must say JSON/],
    ["JSON 's3://b/k' MAXERROR lots", /MAXERROR expects a whole number/],
    ["JSON 's3://b/k' TIMEFORMAT", /TIMEFORMAT expects a quoted value/],
    ["JSON 's3://b/k", /unterminated string/],
  ];
  for (const [options, message] of refused) {
    it(`refuses ${options}`, () => {
      // Act
      const result = parseCopyOptions(options);

      // Assess
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.issues.join('; ')).toMatch(message);
    });
  }

  it('caps MAXERROR at Redshift\'s limit of 100000', () => {
    // Act
    const result = parseCopyOptions("JSON 's3://b/k' MAXERROR 5000000");

    // Assess
    expect(result.ok && result.options.maxError).toBe(100_000);
  });
});

describe('parseS3Url', () => {
  it('splits bucket and key, and refuses anything else', () => {
    // Act and assess
    expect(parseS3Url('s3://bucket/a/b/c.json')).toEqual({ bucket: 'bucket', key: 'a/b/c.json' });
    expect(parseS3Url('s3://bucket/')).toBeUndefined();
    expect(parseS3Url('https://bucket/a')).toBeUndefined();
  });
});
