export { bucketNamePlaceholder, type BufferingHints, type CompressionFormat, type StreamSettings, type StreamSettingsFile } from './types.js';
export { parseStreamSettings, readStreamSettings, renderCopyOptions, streamForEventType, StreamSettingsError, type ParseStreamSettingsResult, type StreamSettingsIssue } from './read.js';
export { streamSettingsFileSchema } from './schema.js';
