// Synthesizes the stack for assertions, without touching AWS: an App with a temporary output folder.
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FactlineStack, loadProjectInputs, resolveInfraConfig, type InfraConfigInput, type ProjectInputs } from '@factline/infra';
import { transformerBundleDir } from './project.js';

export interface Synthesized {
  stack: FactlineStack;
  template: Template;
  inputs: ProjectInputs;
}

/**
 * @param root a project root with generated files
 * @param configInput the infra configuration (defaults when omitted)
 */
export async function synthesize(root: string, configInput: InfraConfigInput = {}, env?: { account?: string; region?: string }): Promise<Synthesized> {
  const resolved = resolveInfraConfig(configInput);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const inputs = await loadProjectInputs(root, { transformerBundleDir });
  const stack = new FactlineStack(new App(), resolved.config.stackName, { inputs, config: resolved.config, env });
  return { stack, template: Template.fromStack(stack), inputs };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[]; DeletionPolicy?: string }>;

export function resources(template: Template): Resources {
  return (template.toJSON() as { Resources: Resources }).Resources;
}

export function resourcesOfType(template: Template, type: string): [string, Record<string, unknown>][] {
  return Object.entries(resources(template))
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

export function logicalIdOf(stack: FactlineStack, construct: { node: { defaultChild?: unknown } } | CfnElement): string {
  const element = 'logicalId' in construct ? construct : (construct.node.defaultChild as CfnElement);
  return stack.resolve(element.logicalId) as string;
}
