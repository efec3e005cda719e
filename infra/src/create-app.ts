// Builds the CDK app from a project root: reads the configuration and the generated inputs, then the stack.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { loadInfraConfig } from './config.js';
import { projectPaths } from './constants.js';
import { loadProjectInputs } from './inputs.js';
import { FactlineStack } from './stack.js';

/**
 * The repository this package lives in (infra/..): the default project root.
 *
 * @example
 * await loadProjectInputs(defaultProjectRoot);
 */
export const defaultProjectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @example
 * const options: CreateFactlineAppOptions = { projectRoot: '/tmp/checkout', configFile: 'infra/staging.infra.json' };
 */
export interface CreateFactlineAppOptions {
  /** Default: a new App (which reads cdk.json and `-c key=value` context). */
  app?: App;
  /** Default: context `projectRoot`, else the repository root. */
  projectRoot?: string;
  /** Default: context `config`, else `<projectRoot>/infra/factline.infra.json` (optional file). */
  configFile?: string;
}

/**
 * @example
 * // cdk synth -c projectRoot=/path/to/copy -c config=/path/to/factline.infra.json
 * const { app, stack } = await createFactlineApp();
 * app.synth();
 */
export async function createFactlineApp(options: CreateFactlineAppOptions = {}): Promise<{ app: App; stack: FactlineStack }> {
  const app = options.app ?? new App();
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const projectRoot = path.resolve(options.projectRoot ?? context('projectRoot') ?? defaultProjectRoot);
  const configFile = path.resolve(projectRoot, options.configFile ?? context('config') ?? projectPaths.infraConfig);
  const config = await loadInfraConfig(configFile);
  const inputs = await loadProjectInputs(projectRoot, { transformerBundleDir: config.transformer.bundleDir });
  const env = config.account !== undefined || config.region !== undefined ? { account: config.account, region: config.region } : undefined;
  const stack = new FactlineStack(app, config.stackName, { inputs, config, env });
  return { app, stack };
}
