// The Firehose transformation Lambda: the prebuilt esbuild bundle of apps/transformer-lambda, deployed as is.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { InfraConfig } from './config.js';
import { transformerEntry } from './constants.js';

export interface TransformerFunctionProps {
  /** The folder holding the bundle's `index.mjs`. */
  bundleDir: string;
  settings: InfraConfig['transformer'];
  logRetentionDays: number;
}

/**
 * The transformer: nodejs22.x on Graviton (arm64: the same code, about 20% cheaper per GB-second; the bundle is
 * pure JavaScript, nothing native), its own log group with a retention, and a role that can write only that log
 * group (the transformer makes no AWS call).
 *
 * Sizing, for the 0.5 MB processor buffer (facts are up to ~9× the events' bytes in the response): a request is under
 * 1 MB, the response at most 6 MB; peak RSS was measured at 142 MB for a 6 MB worst case, so any size from 256 MB up
 * holds it. The default 1769 MB is chosen for
 * CPU, not memory: Lambda gives one full vCPU at 1769 MB, the work is single-threaded and CPU-bound (decode,
 * validate, map, encode), so below it duration grows in proportion and the GB-seconds billed stay about the same,
 * while above it nothing gets faster. The timeout (60 s) is far above the expected duration of one 0.5 MB batch
 * (well under a second on one vCPU) yet well under Firehose's 5-minute invocation limit, so a stuck invocation is
 * retried by Firehose (`NumberOfRetries`) minutes sooner than with the 5-minute maximum.
 *
 * @example
 * const transformer = new TransformerFunction(stack, 'Transformer', { bundleDir, settings: config.transformer, logRetentionDays: 30 });
 */
/**
 * Node options of the transformer. The function keeps a batch's whole response (facts are several times the events)
 * alive until it returns, so with Node's default 16 MB semi-space every young-generation collection copies those
 * strings; 32 MB means fewer collections and about a tenth less transformer time (measure with
 * `NODE_OPTIONS=--max-semi-space-size=32 pnpm bench:transformer`), for about 10 MB more peak memory on the 6 MB
 * worst case (143 MB instead of 134 MB, of the 1769 MB).
 */
export const transformerNodeOptions = '--enable-source-maps --max-semi-space-size=32';

export class TransformerFunction extends Construct {
  readonly function: lambda.Function;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: TransformerFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: 'factline transformer: writes its own logs, nothing else.' });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${this.logGroup.logGroupArn}`] }));
    this.function = new lambda.Function(this, 'Function', {
      description: 'factline transformer: Firehose records (domain events) in, atomic facts (NDJSON) out.',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: props.settings.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      code: lambda.Code.fromAsset(props.bundleDir),
      handler: transformerEntry.handler,
      memorySize: props.settings.memorySizeMb,
      timeout: Duration.seconds(props.settings.timeoutSeconds),
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { NODE_OPTIONS: transformerNodeOptions, POWERTOOLS_SERVICE_NAME: 'factline-transformer' },
    });
  }
}
