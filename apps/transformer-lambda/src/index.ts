export { handler } from './handler.js';
export { createLambdaHandler, streamEntities, type LambdaHandler } from './lambda.js';
export { loadConfig, readConfig, type TransformerLambdaConfig } from './env.js';
export { ConfigError, ConfigErrorCode, type EnvIssue } from './errors.js';
