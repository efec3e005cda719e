// The CDK app entry (cdk.json "app"): `pnpm --filter @factline/infra synth` and `cdk deploy` run this file.
import { InfraError } from './errors.js';
import { createFactlineApp } from './create-app.js';

try {
  const { app } = await createFactlineApp();
  app.synth();
} catch (error) {
  if (!(error instanceof InfraError)) throw error;
  process.stderr.write(`${error.code}: ${error.message}\n`);
  process.exitCode = 1;
}
