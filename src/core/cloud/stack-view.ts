import type { Resource } from '../model/template';
import { deployedResourceOf, type StackRead } from './deployed-stack';
import { DEPLOY_STATE_LABEL, type DeployState } from './status';

/** Where one template resource stands in the deployed stack. */
export interface ResourceDeployment {
  readonly state: DeployState;
  /** The stack's own status word (`UPDATE_FAILED`), absent when the stack does not have the resource. */
  readonly status?: string;
  readonly physicalId?: string;
  readonly reason?: string;
}

/**
 * A template resource's deployment: looked up by the logical ID it deploys as (a SAM resource's `deployedAs`, such
 * as a layer's hashed ID; its own otherwise). A resource the stack does not have, or a stack that does not exist,
 * is "not deployed yet".
 */
export function deploymentOf(resource: Resource, read: StackRead): ResourceDeployment {
  if (!read.exists) return { state: 'not-deployed' };
  const found = deployedResourceOf(read.stack, resource.deployedAs?.logicalId ?? resource.logicalId);
  if (!found) return { state: 'not-deployed' };
  return {
    state: found.state,
    status: found.status,
    ...(found.physicalId ? { physicalId: found.physicalId } : {}),
    ...(found.reason ? { reason: found.reason } : {}),
  };
}

/** The explorer's and the terminal's one-line words: `deployed: orders-Create-1A2B`, `failed: <reason>`. */
export function describeDeployment(d: ResourceDeployment): string {
  const label = DEPLOY_STATE_LABEL[d.state];
  if (d.state === 'failed' && d.reason) return `${label}: ${d.reason}`;
  return d.physicalId ? `${label}: ${d.physicalId}` : label;
}
