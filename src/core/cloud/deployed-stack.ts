import type { AwsConnection } from '../aws/connection';
import { cloudFormationClient } from './clients';
import { accountOfArn } from './console';
import { AwsCallError, explainAwsError } from '../aws/errors';
import { resourceState, stackState, type DeployState, type StackState } from './status';
import { loadAwsSdk, type AwsSdk } from '../aws/lazy-sdk';
import { matchesDeployedId } from '../model/deployed-ids';

export interface DeployedResource {
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly type: string;
  readonly status: string;
  readonly state: DeployState;
  readonly reason?: string;
}

export interface StackOutput {
  readonly key: string;
  readonly value: string;
  readonly description?: string;
  readonly exportName?: string;
  /** The value when it is a web address (an API's URL), for a link. */
  readonly url?: string;
}

export interface DeployedStack {
  readonly name: string;
  readonly id: string;
  readonly region: string;
  readonly account?: string;
  readonly status: string;
  readonly state: StackState;
  readonly reason?: string;
  readonly outputs: readonly StackOutput[];
  /** By logical ID, as the stack names them (the deployed template's IDs: SAM's generated ones included). */
  readonly resources: ReadonlyMap<string, DeployedResource>;
}

export type StackRead =
  | { readonly exists: true; readonly stack: DeployedStack }
  | { readonly exists: false; readonly stackName: string; readonly region: string };

/**
 * Reads a stack's status, outputs and resources: `DescribeStacks` for the stack
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html) and
 * `ListStackResources` page by page for its resources
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ListStackResources.html). A stack that
 * does not exist is an answer ("not deployed yet"), not an error: AWS says so with a `ValidationError`
 * "Stack with id <name> does not exist". Other failures throw an `AwsCallError` that says what to do.
 */
export async function readDeployedStack(
  target: AwsConnection,
  stackName: string,
  sdk: AwsSdk = loadAwsSdk(),
): Promise<StackRead> {
  const cfn = cloudFormationClient(target, sdk);
  try {
    let described;
    try {
      described = (await cfn.send(new sdk.DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    } catch (error) {
      if (isMissingStack(error)) return { exists: false, stackName, region: target.region };
      throw error;
    }
    if (!described?.StackId) return { exists: false, stackName, region: target.region };
    const resources = new Map<string, DeployedResource>();
    let nextToken: string | undefined;
    do {
      const page = await cfn.send(new sdk.ListStackResourcesCommand({ StackName: stackName, NextToken: nextToken }));
      for (const r of page.StackResourceSummaries ?? []) {
        if (!r.LogicalResourceId) continue;
        const status = r.ResourceStatus ?? '';
        resources.set(r.LogicalResourceId, {
          logicalId: r.LogicalResourceId,
          type: r.ResourceType ?? '',
          status,
          state: resourceState(status),
          ...(r.PhysicalResourceId ? { physicalId: r.PhysicalResourceId } : {}),
          ...(r.ResourceStatusReason ? { reason: r.ResourceStatusReason } : {}),
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
    const status = described.StackStatus ?? '';
    return {
      exists: true,
      stack: {
        name: described.StackName ?? stackName,
        id: described.StackId,
        region: target.region,
        account: accountOfArn(described.StackId),
        status,
        state: stackState(status),
        ...(described.StackStatusReason ? { reason: described.StackStatusReason } : {}),
        outputs: (described.Outputs ?? []).map((o) => ({
          key: o.OutputKey ?? '',
          value: o.OutputValue ?? '',
          ...(o.Description ? { description: o.Description } : {}),
          ...(o.ExportName ? { exportName: o.ExportName } : {}),
          ...(/^https?:\/\/\S+$/.test(o.OutputValue ?? '') ? { url: o.OutputValue } : {}),
        })),
        resources,
      },
    };
  } catch (error) {
    throw new AwsCallError(explainAwsError(error, `reading stack ${stackName}`, target));
  } finally {
    cfn.destroy();
  }
}

function isMissingStack(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  return e?.name === 'ValidationError' && /does not exist/.test(e.message ?? '');
}

/**
 * The deployed resource a template's resource is, by logical ID (`matchesDeployedId`: names the model cannot know
 * before deploy match any stack ID in their place).
 */
export function deployedResourceOf(stack: DeployedStack, logicalId: string): DeployedResource | undefined {
  const exact = stack.resources.get(logicalId);
  if (exact || !logicalId.includes('<')) return exact;
  for (const [id, resource] of stack.resources) if (matchesDeployedId(logicalId, id)) return resource;
  return undefined;
}
