import { booleanOf, entryOf, mapAt, valueOf } from '../nodes';
import type { Resource } from '../template';
import { alphanumeric, entryCause, mayBeAbsent, propertyCause, resourceCause, stringAt } from './collector';
import type { Cause } from './collector';
import type { SamContext } from './context';
import { eventSites, functionEventResources } from './events';
import { functionVersionId } from './version';

/** Everything SAM generates for one `AWS::Serverless::Function`. */
export function functionResources(ctx: SamContext, fn: Resource): void {
  const { out } = ctx;
  const id = fn.logicalId;
  const props = fn.properties;
  if (mayBeAbsent(valueOf(props, 'Role'))) {
    out.add(
      `${id}Role`,
      'AWS::IAM::Role',
      id,
      'SAM creates an execution role for a function without Role',
      resourceCause(fn),
    );
  }
  // CodeDeploy shifts traffic between published versions, so DeploymentPreference needs AutoPublishAlias.
  if (publishedAlias(ctx, fn, 'function') !== undefined) {
    const preference = mapAt(props, 'DeploymentPreference');
    if (preference && booleanOf(valueOf(preference, 'Enabled')) !== false) {
      deploymentPreference(ctx, fn, propertyCause(fn, 'DeploymentPreference'), !valueOf(preference, 'Role'));
    }
  }
  eventInvokeConfig(ctx, fn);
  functionUrl(ctx, fn);
  for (const site of eventSites(fn)) functionEventResources(ctx, site);
}

/**
 * `AutoPublishAlias` publishes a version and points an alias at it. Functions get `<Fn>Version<hash>`
 * (SAM hashes the code and configuration; see `hashedId`), state machines a plain `<SM>Version`.
 * Returns the alias name when one was generated.
 */
export function publishedAlias(
  ctx: SamContext,
  owner: Resource,
  kind: 'function' | 'stateMachine',
): string | undefined {
  const entry = entryOf(owner.properties, 'AutoPublishAlias');
  if (!entry) return undefined;
  const name = ctx.resolveString(entry.value);
  const cause: Cause = { idSpan: entry.value.span, span: entry.value.span };
  const id = owner.logicalId;
  const versionType = kind === 'function' ? 'AWS::Lambda::Version' : 'AWS::StepFunctions::StateMachineVersion';
  const aliasType = kind === 'function' ? 'AWS::Lambda::Alias' : 'AWS::StepFunctions::StateMachineAlias';
  const what = kind === 'function' ? 'function' : 'state machine';
  const versionId = kind === 'function' ? functionVersionId(id, owner.properties, ctx.parameterValues) : `${id}Version`;
  ctx.out.add(versionId, versionType, id, `SAM publishes a version of the ${what} for AutoPublishAlias`, cause);
  ctx.out.add(
    `${id}Alias${aliasIdSuffix(name ?? '')}`,
    aliasType,
    id,
    `SAM creates the alias AutoPublishAlias names, pointing at the published version`,
    cause,
  );
  return name ?? '';
}

function deploymentPreference(ctx: SamContext, fn: Resource, cause: Cause, needsServiceRole: boolean): void {
  const id = fn.logicalId;
  const reason = 'SAM deploys the function gradually with CodeDeploy (DeploymentPreference)';
  ctx.out.add('ServerlessDeploymentApplication', 'AWS::CodeDeploy::Application', id, reason, cause);
  ctx.out.add(`${id}DeploymentGroup`, 'AWS::CodeDeploy::DeploymentGroup', id, reason, cause);
  if (needsServiceRole) {
    ctx.out.add(
      'CodeDeployServiceRole',
      'AWS::IAM::Role',
      id,
      'SAM creates the role CodeDeploy uses for DeploymentPreference',
      cause,
    );
  }
}

/** `EventInvokeConfig`, plus the queue or topic SAM creates for a destination given only by its type. */
function eventInvokeConfig(ctx: SamContext, fn: Resource): void {
  const entry = entryOf(fn.properties, 'EventInvokeConfig');
  if (entry?.value.kind !== 'map') return;
  const id = fn.logicalId;
  const cause = entryCause(entry);
  ctx.out.add(
    `${id}EventInvokeConfig`,
    'AWS::Lambda::EventInvokeConfig',
    id,
    'SAM configures asynchronous invocation (EventInvokeConfig)',
    cause,
  );
  const destinations = mapAt(entry.value, 'DestinationConfig');
  for (const outcome of ['OnSuccess', 'OnFailure']) {
    const destination = mapAt(destinations, outcome);
    if (!destination || !mayBeAbsent(valueOf(destination, 'Destination'))) continue;
    const type = stringAt(destination, 'Type');
    if (type === 'SQS') {
      ctx.out.add(
        `${id}EventInvokeConfig${outcome}Queue`,
        'AWS::SQS::Queue',
        id,
        `SAM creates the ${outcome} destination queue (EventInvokeConfig)`,
        cause,
      );
    } else if (type === 'SNS') {
      ctx.out.add(
        `${id}EventInvokeConfig${outcome}Topic`,
        'AWS::SNS::Topic',
        id,
        `SAM creates the ${outcome} destination topic (EventInvokeConfig)`,
        cause,
      );
    }
  }
}

/** `FunctionUrlConfig` → `<Fn>Url`; a public URL (`AuthType: NONE`) also gets the two permissions that open it. */
function functionUrl(ctx: SamContext, fn: Resource): void {
  const entry = entryOf(fn.properties, 'FunctionUrlConfig');
  if (entry?.value.kind !== 'map') return;
  const id = fn.logicalId;
  const cause = entryCause(entry);
  ctx.out.add(`${id}Url`, 'AWS::Lambda::Url', id, 'SAM creates a function URL (FunctionUrlConfig)', cause);
  if (stringAt(entry.value, 'AuthType') !== 'NONE') return;
  const reason = 'SAM lets anyone call the public function URL (AuthType NONE)';
  ctx.out.add(`${id}UrlPublicPermissions`, 'AWS::Lambda::Permission', id, reason, cause);
  ctx.out.add(`${id}URLInvokeAllowPublicAccess`, 'AWS::Lambda::Permission', id, reason, cause);
}

/** SAM keeps alias names readable in logical IDs: `_` becomes `U`, `-` becomes `D` (`live_v-2` → `liveUvD2`). */
function aliasIdSuffix(name: string): string {
  return alphanumeric(name.replace(/_/g, 'U').replace(/-/g, 'D'));
}
