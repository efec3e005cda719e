// JSON Schema of the stream settings file, so that a hand-edited or stale file is refused with a clear message.
const bufferingHints = {
  type: 'object',
  additionalProperties: false,
  required: ['sizeInMBs', 'intervalInSeconds'],
  properties: {
    sizeInMBs: { type: 'integer', minimum: 1, maximum: 128 },
    intervalInSeconds: { type: 'integer', minimum: 0, maximum: 900 },
  },
} as const;
const compressionFormat = { enum: ['UNCOMPRESSED', 'GZIP'] } as const;
const prefix = { type: 'string', minLength: 1, maxLength: 1024, pattern: '/$' } as const;

export const streamSettingsFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['formatVersion', 'generatedBy', 'warehouse', 'streams'],
  properties: {
    formatVersion: { const: 1 },
    generatedBy: { type: 'string' },
    warehouse: { type: 'object', additionalProperties: false, required: ['schema'], properties: { schema: { type: 'string', minLength: 1 } } },
    streams: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['entity', 'deliveryStreamName', 'eventTypes', 's3', 'sourceBackup', 'processor', 'redshift'],
        properties: {
          entity: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
          deliveryStreamName: { type: 'string', pattern: '^[a-zA-Z0-9_.-]{1,64}$' },
          eventTypes: { type: 'array', items: { type: 'string' } },
          s3: {
            type: 'object',
            additionalProperties: false,
            required: ['prefix', 'processingFailedPrefix', 'bufferingHints', 'compressionFormat'],
            properties: { prefix, processingFailedPrefix: prefix, bufferingHints, compressionFormat },
          },
          sourceBackup: {
            type: 'object',
            additionalProperties: false,
            required: ['prefix', 'errorOutputPrefix', 'bufferingHints', 'compressionFormat'],
            properties: { prefix, errorOutputPrefix: prefix, bufferingHints, compressionFormat },
          },
          processor: {
            type: 'object',
            additionalProperties: false,
            required: ['bufferSizeInMBs', 'bufferIntervalInSeconds', 'numberOfRetries'],
            properties: {
              bufferSizeInMBs: { type: 'number', minimum: 0.2, maximum: 3 },
              bufferIntervalInSeconds: { type: 'integer', minimum: 0, maximum: 900 },
              numberOfRetries: { type: 'integer', minimum: 0, maximum: 300 },
            },
          },
          redshift: {
            type: 'object',
            additionalProperties: false,
            required: ['table', 'jsonPathsKey', 'copyCommand', 'retryDurationInSeconds'],
            properties: {
              table: { type: 'object', additionalProperties: false, required: ['schema', 'name'], properties: { schema: { type: 'string' }, name: { type: 'string' } } },
              jsonPathsKey: { type: 'string', minLength: 1 },
              copyCommand: {
                type: 'object',
                additionalProperties: false,
                required: ['dataTableName', 'dataTableColumns', 'copyOptions'],
                properties: {
                  dataTableName: { type: 'string', minLength: 1, maxLength: 512 },
                  dataTableColumns: { type: 'string', maxLength: 10240 },
                  copyOptions: { type: 'string', maxLength: 10240 },
                },
              },
              retryDurationInSeconds: { type: 'integer', minimum: 0, maximum: 7200 },
            },
          },
        },
      },
    },
  },
} as const;
