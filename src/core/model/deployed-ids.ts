import type { Resource, Template } from './template';

/**
 * Whether a stack's logical ID is the one the model names. Names the model cannot know before deploy
 * (`SubscribeLambdaVersion<hash>`, `ApiGatewayDeployment<timestamp>`) match any letters and digits in their place.
 */
export function matchesDeployedId(modelId: string, deployedId: string): boolean {
  if (!modelId.includes('<')) return modelId === deployedId;
  return placeholderPattern(modelId).test(deployedId);
}

const patterns = new Map<string, RegExp>();

function placeholderPattern(modelId: string): RegExp {
  let pattern = patterns.get(modelId);
  if (!pattern) {
    const parts = modelId.split(/<[^>]*>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`^${parts.join('[A-Za-z0-9]+')}$`);
    patterns.set(modelId, pattern);
  }
  return pattern;
}

/**
 * The model's resource a stack's logical ID belongs to: the written or generated resource of that ID, the SAM
 * resource deployed under it (a layer's hashed ID), or a generated one whose ID the deploy completes
 * (`HelloLambdaVersion<hash>` for `HelloLambdaVersionAbC123`). Undefined for what the template does not make.
 */
export function resourceOfDeployedId(template: Template, deployedId: string): Resource | undefined {
  return (
    template.resourceById.get(deployedId) ??
    template.resources.find((r) => r.deployedAs?.logicalId === deployedId || matchesDeployedId(r.logicalId, deployedId))
  );
}
