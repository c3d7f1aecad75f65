import type { FunctionView, Template } from '../../model/template';
import type { AwsSdk } from './sdk';

export interface AwsTarget {
  readonly region: string;
  readonly profile?: string;
  /** For tests against local servers: the endpoints the clients call instead of AWS. */
  readonly lambdaEndpoint?: string;
  readonly cloudFormationEndpoint?: string;
}

export interface NameLookup extends AwsTarget {
  readonly stackName?: string;
  /** An explicit name from the user's settings wins over everything. */
  readonly explicitName?: string;
}

/** Client options shared by the Lambda and CloudFormation clients: Region, profile, endpoint. */
export function clientConfig(sdk: AwsSdk, target: AwsTarget, endpoint: string | undefined) {
  return {
    region: target.region,
    ...(target.profile ? { credentials: sdk.fromIni({ profile: target.profile }) } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

/**
 * The deployed function's name: the user's explicit name, `FunctionName` in the template, the Serverless
 * Framework's `<service>-<stage>-<function>`, or the physical ID of the logical ID in the deployed stack.
 */
export async function deployedFunctionName(sdk: AwsSdk, template: Template, view: FunctionView, lookup: NameLookup): Promise<string> {
  if (lookup.explicitName) return lookup.explicitName;
  if (view.functionName?.value) return view.functionName.value;
  if (template.kind === 'serverless' && template.serverless?.service) {
    return `${template.serverless.service}-${template.serverless.stage}-${view.displayName}`;
  }
  if (!lookup.stackName) {
    throw new Error(`Cannot tell which deployed function ${view.logicalId} is: no stack name (add stack_name to samconfig.toml, pass --stack, or set serverlessWorkbench.invoke.functionNames).`);
  }
  const cfn = new sdk.CloudFormationClient(clientConfig(sdk, lookup, lookup.cloudFormationEndpoint));
  try {
    const out = await cfn.send(new sdk.DescribeStackResourceCommand({ StackName: lookup.stackName, LogicalResourceId: view.logicalId }));
    const physical = out.StackResourceDetail?.PhysicalResourceId;
    if (!physical) throw new Error(`Stack ${lookup.stackName} has no physical ID for ${view.logicalId} yet.`);
    return physical;
  } finally {
    cfn.destroy();
  }
}
