import { valueOf } from '../nodes';
import type { Resource } from '../template';
import { resourceCause } from './collector';
import type { SamContext } from './context';
import { eventSites, stateMachineEventResources } from './events';
import { publishedAlias } from './function';

/** `AWS::Serverless::StateMachine`: its role (unless `Role`), alias and version, and event resources. */
export function stateMachineResources(ctx: SamContext, sm: Resource): void {
  if (!valueOf(sm.properties, 'Role')) {
    ctx.out.add(
      `${sm.logicalId}Role`,
      'AWS::IAM::Role',
      sm.logicalId,
      'SAM creates an execution role for a state machine without Role',
      resourceCause(sm),
    );
  }
  publishedAlias(ctx, sm, 'stateMachine');
  for (const site of eventSites(sm)) stateMachineEventResources(ctx, site);
}

/** `AWS::Serverless::CapacityProvider`: the operator role Lambda uses to manage instances, unless given. */
export function capacityProviderResources(ctx: SamContext, provider: Resource): void {
  if (valueOf(provider.properties, 'OperatorRole')) return;
  ctx.out.add(
    `${provider.logicalId}OperatorRole`,
    'AWS::IAM::Role',
    provider.logicalId,
    "SAM creates the operator role Lambda uses to manage the capacity provider's instances",
    resourceCause(provider),
  );
}
