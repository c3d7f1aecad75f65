import { describeProvenance, formatSetting } from '../../model/resolve/describe';
import type { FunctionView, Template } from '../../model/template';
import type { UsedSetting } from '../local-settings';
import { clientOptions, type AwsConnection } from '../../aws/connection';
import type { AwsSdk } from '../../aws/lazy-sdk';

export interface NameLookup extends AwsConnection {
  readonly stackName?: string;
  /** An explicit name from the user's settings wins over everything. */
  readonly explicitName?: string;
}

/** Said when the user named the deployed function in the editor's settings. */
const EXPLICIT_NAME_ORIGIN = 'the serverlessWorkbench.invoke.functionNames setting';

/**
 * The deployed function's name and where it came from: the user's explicit name, `FunctionName` as the model
 * resolves it (a literal, a parameter's override or Default, the Serverless Framework's
 * `<service>-<stage>-<function>`...), or, when the template does not fix it or it is unknown before deploy
 * (said, never replaced by the logical ID), the physical ID of the logical ID in the deployed stack.
 */
export async function deployedFunctionName(
  sdk: AwsSdk,
  template: Template,
  view: FunctionView,
  lookup: NameLookup,
): Promise<UsedSetting<string>> {
  if (lookup.explicitName) {
    return {
      value: lookup.explicitName,
      from: EXPLICIT_NAME_ORIGIN,
      line: `FunctionName ${lookup.explicitName} — ${EXPLICIT_NAME_ORIGIN}`,
    };
  }
  const written = view.functionName;
  if (written?.value !== undefined)
    return { value: written.value, from: describeProvenance(written), line: `FunctionName ${formatSetting(written)}` };
  const why = written ? `unknown (${written.unknown})` : 'not set (AWS generated it at deploy)';
  const stackName =
    lookup.stackName ??
    (template.serverless ? `${template.serverless.service}-${template.serverless.stage}` : undefined);
  if (!stackName) {
    throw new Error(
      `Cannot tell which deployed function ${view.logicalId} is: FunctionName is ${why}, and there is no stack ` +
        `name to look it up in (add stack_name to samconfig.toml, pass --stack, or set ` +
        `serverlessWorkbench.invoke.functionNames).`,
    );
  }
  const cfn = new sdk.CloudFormationClient(clientOptions(lookup, 'cloudformation', sdk.fromIni));
  try {
    const out = await cfn.send(
      new sdk.DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: view.logicalId }),
    );
    const physical = out.StackResourceDetail?.PhysicalResourceId;
    if (!physical) throw new Error(`Stack ${stackName} has no physical ID for ${view.logicalId} yet.`);
    const from = `${why}; the physical ID of ${view.logicalId} in stack ${stackName}`;
    return { value: physical, from, line: `FunctionName ${from}: ${physical}` };
  } finally {
    cfn.destroy();
  }
}
