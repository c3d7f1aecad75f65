import { LANGUAGE_EXTENSIONS_TRANSFORM } from '../model/language-extensions/for-each';
import { resourceOfDeployedId } from '../model/deployed-ids';
import { SAM_TRANSFORM, transformNames } from '../model/detect';
import { walk } from '../model/nodes';
import type { Resource, Template } from '../model/template';
import { deployedResourceOf, type DeployedResource, type DeployedStack, type StackRead } from './deployed-stack';
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

/** A resource the deployed stack has and the template does not make (removed since the last deploy, or a macro's). */
export interface StackOnlyResource {
  readonly deployed: DeployedResource;
  /**
   * Whether deploying this template deletes it: true when everything that makes resources is in the model; false
   * when something the model does not expand may still make it (`mayComeFrom`), or when it is being deleted now.
   */
  readonly deletedOnDeploy: boolean;
  /** What may make it although the template as modelled does not: a macro, a plugin, a loop known at deploy. */
  readonly mayComeFrom?: string;
}

/**
 * The stack's resources that no resource of the template's model deploys as (`resourceOfDeployedId`), in the
 * stack's order. CloudFormation deletes a resource that is no longer in the template it deploys ("Update your
 * stack": https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks.html).
 */
export function resourcesOnlyInStack(template: Template, stack: DeployedStack): StackOnlyResource[] {
  const mayComeFrom = unmodelledProducer(template);
  return [...stack.resources.values()]
    .filter((deployed) => !resourceOfDeployedId(template, deployed.logicalId))
    .map((deployed) => ({
      deployed,
      deletedOnDeploy: !mayComeFrom && !deployed.status.startsWith('DELETE_'),
      ...(mayComeFrom ? { mayComeFrom } : {}),
    }));
}

/** The explorer's words for it: `only in the stack — will be deleted on next deploy`. */
export function describeStackOnly(resource: StackOnlyResource): string {
  if (resource.deletedOnDeploy) return 'only in the stack — will be deleted on next deploy';
  if (resource.deployed.status.startsWith('DELETE_')) return `only in the stack — ${resource.deployed.status}`;
  return `only in the stack — may come from ${resource.mayComeFrom}`;
}

const MODELLED_TRANSFORMS: ReadonlySet<string> = new Set([SAM_TRANSFORM, LANGUAGE_EXTENSIONS_TRANSFORM]);

/** What makes resources at deploy that the model does not expand, in words; undefined when there is nothing. */
function unmodelledProducer(template: Template): string | undefined {
  const macros = transformNames(template.root).filter((name) => !name || !MODELLED_TRANSFORMS.has(name));
  if (macros.length > 0) return `the transform ${macros.map((m) => m ?? '(computed)').join(', ')}`;
  if (template.expanded?.unexpandedLoops.length) return 'a Fn::ForEach loop whose collection is known only at deploy';
  const plugins = template.serverless?.plugins ?? [];
  if (plugins.length > 0) return `the plugin${plugins.length > 1 ? 's' : ''} ${plugins.join(', ')}`;
  let inlineMacro = false;
  if (template.root)
    walk(template.root, (node) => {
      if (node.kind === 'intrinsic' && node.name === 'Fn::Transform') inlineMacro = true;
      return !inlineMacro;
    });
  return inlineMacro ? 'a Fn::Transform macro' : undefined;
}
