import { stringOf, valueOf } from '../model/nodes';
import type { ResolutionInputs } from '../model/resolve/types';
import type { Template } from '../model/template';

/** A stack name and where it came from, in words ("samconfig.toml [default.deploy.parameters] stack_name"). */
export interface StackName {
  readonly value: string;
  readonly origin: string;
}

export type StackNameChoice = StackName | { readonly missing: string };

/**
 * The stack a template deploys as: a name the user set for this template wins; then the inputs (samconfig's
 * `stack_name` of the chosen config environment, or `--stack-name`, gathered by `core/load`); for a Serverless
 * Framework service, `provider.stackName` or the framework's `<service>-<stage>` ("Serverless Framework - AWS
 * Lambda Guide - Deploying", https://www.serverless.com/framework/docs/providers/aws/guide/deploying). Never a
 * guess: without any of them the answer says what to set.
 */
export function stackNameOf(
  template: Template,
  resolution: ResolutionInputs,
  explicit?: { readonly value: string; readonly origin: string },
): StackNameChoice {
  if (explicit?.value) return explicit;
  if (resolution.stackName?.value) return { value: resolution.stackName.value, origin: resolution.stackName.origin };
  const sls = template.serverless;
  if (sls) {
    const named = stringOf(valueOf(sls.provider, 'stackName'));
    if (named && !named.includes('${')) return { value: named, origin: 'provider.stackName in serverless.yml' };
    if (sls.service && !sls.service.includes('${'))
      return { value: `${sls.service}-${sls.stage}`, origin: `the framework's <service>-<stage>` };
  }
  return {
    missing:
      'no stack name: add stack_name to samconfig.toml ([default.deploy.parameters]) or set ' +
      'serverlessWorkbench.cloud.stackName for this template',
  };
}
