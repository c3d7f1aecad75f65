import { mapAt, stringOf, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import { accountOfArn, defaultLogGroupName, functionNameOf, lambdaFunctionArn, logGroupArn } from './console';
import { deployedResourceOf, type DeployedStack } from './deployed-stack';

/** A function as deployed: what the console link, Copy ARN and the log commands need. */
export interface DeployedFunction {
  readonly logicalId: string;
  readonly functionName: string;
  readonly region: string;
  readonly arn?: string;
  readonly logGroupName: string;
  /** Where the log group's name came from, for the log view's header. */
  readonly logGroupOrigin: string;
  readonly logGroupArn?: string;
}

export type DeployedFunctionChoice = DeployedFunction | { readonly missing: string };

/**
 * A template function in its deployed stack. The log group is the function's `LoggingConfig.LogGroup` when the
 * template names it (a value, or a `Ref` to a log group of the stack, whose physical ID is its name), else Lambda's
 * default `/aws/lambda/<name>`; the header of the log view says which.
 */
export function deployedFunction(template: Template, logicalId: string, stack: DeployedStack): DeployedFunctionChoice {
  const resource = template.resources.find((r) => r.logicalId === logicalId);
  const deployed = deployedResourceOf(stack, resource?.deployedAs?.logicalId ?? logicalId);
  if (!deployed?.physicalId) {
    return { missing: `${logicalId} is not deployed in stack ${stack.name} (${stack.region}) yet.` };
  }
  const functionName = functionNameOf(deployed.physicalId);
  const account = stack.account ?? accountOfArn(deployed.physicalId);
  const { name: logGroupName, origin: logGroupOrigin } = functionLogGroup(template, logicalId, functionName, stack);
  return {
    logicalId,
    functionName,
    region: stack.region,
    ...(account ? { arn: lambdaFunctionArn(deployed.physicalId, stack.region, account) } : {}),
    logGroupName,
    logGroupOrigin,
    ...(account ? { logGroupArn: logGroupArn(logGroupName, stack.region, account) } : {}),
  };
}

/**
 * A function's log group and where its name came from: `LoggingConfig.LogGroup` when the template names it (a
 * value, or with the stack a `Ref` to one of its log groups), else Lambda's default.
 */
export function functionLogGroup(
  template: Template,
  logicalId: string,
  functionName: string,
  stack?: DeployedStack,
): { name: string; origin: string } {
  const properties = template.resources.find((r) => r.logicalId === logicalId)?.properties;
  const node = valueOf(mapAt(properties, 'LoggingConfig'), 'LogGroup');
  const origin = 'LoggingConfig.LogGroup';
  const value = node && template.resolver.evaluate(node);
  if (value?.known && typeof value.value === 'string') return { name: value.value, origin };
  if (node?.kind === 'intrinsic' && node.name === 'Ref') {
    const target = stringOf(node.argument);
    const physical = target && stack ? deployedResourceOf(stack, target)?.physicalId : undefined;
    if (physical) return { name: physical, origin: `${origin} (the stack's ${target})` };
  }
  const fallback = "Lambda's default log group";
  if (!node) return { name: defaultLogGroupName(functionName), origin: fallback };
  // The template names a group this reader cannot resolve: say so rather than pass the default off as the answer.
  const why = value && !value.known ? value.reason : 'it is not a name';
  return { name: defaultLogGroupName(functionName), origin: `${fallback}; ${origin} is not known here: ${why}` };
}
