// Which source addresses the warehouse admits for Firehose: the configured blocks, or the region's published block.
import { Aws, CfnMapping, Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { firehoseCidrByRegion } from '../constants.js';
import { InfraError, InfraErrorCode } from '../errors.js';

/**
 * The Firehose CIDR blocks for the stack's region. An environment-agnostic stack gets a CloudFormation mapping looked
 * up at deploy time; a stack pinned to a region gets the literal block, or a synth error for an unknown region.
 *
 * @example
 * const cidrs = firehoseCidrBlocks(stack, config.firehoseCidrBlocks);
 */
export function firehoseCidrBlocks(scope: Construct, configured: readonly string[] | undefined): string[] {
  if (configured !== undefined) return [...configured];
  const stack = Stack.of(scope);
  if (!Token.isUnresolved(stack.region)) {
    const cidr = firehoseCidrByRegion[stack.region];
    if (cidr === undefined) {
      throw new InfraError(InfraErrorCode.regionUnsupported, `No Firehose CIDR block is known for ${stack.region}: set "firehoseCidrBlocks" in the configuration (see "VPC access to an Amazon Redshift cluster" in the Firehose developer guide).`);
    }
    return [cidr];
  }
  const id = 'FirehoseCidrByRegion';
  const mapping = (stack.node.tryFindChild(id) as CfnMapping | undefined) ?? new CfnMapping(stack, id, { mapping: Object.fromEntries(Object.entries(firehoseCidrByRegion).map(([region, cidr]) => [region, { cidr }])) });
  return [mapping.findInMap(Aws.REGION, 'cidr')];
}
