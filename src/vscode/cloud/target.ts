import * as vscode from 'vscode';
import type { AwsConnection, StackNameChoice } from '../../core/cloud';
import type { GatheredInputs } from '../../core/load';
import type { Template } from '../../core';
import { SETTINGS } from '../settings.generated';
import type { CloudCore } from './core';

/** The AWS account side of a template: where calls go (Region, profile) and which stack it deploys as. */
export interface CloudContext {
  readonly target: AwsConnection;
  readonly stack: StackNameChoice;
  /** Where the Region and profile came from, for the status bar and the log view. */
  readonly regionOrigin: string;
  readonly profileOrigin: string;
}

/**
 * Region: the `serverlessWorkbench.invoke.region` setting, then samconfig's `region` (both already in the inputs),
 * then the Serverless Framework's provider Region, then the default Region that remote invoke uses too. Profile:
 * the `serverlessWorkbench.invoke.profile` setting, then samconfig's `profile`, then the SDK's default chain.
 */
export function awsTargetOf(
  template: Template,
  inputs: GatheredInputs,
  defaultRegion: string,
): { target: AwsConnection; regionOrigin: string; profileOrigin: string } {
  const given = inputs.resolution.region;
  const region = given?.value || template.serverless?.region || defaultRegion;
  const regionOrigin = given?.value
    ? given.origin
    : template.serverless
      ? 'provider.region of serverless.yml'
      : 'default Region';
  const setting = SETTINGS.invoke.profile.value();
  const profile = setting || inputs.samconfig?.profile?.value;
  const profileOrigin = setting
    ? `setting ${SETTINGS.invoke.profile.name}`
    : profile
      ? (inputs.samconfig?.profile?.origin ?? 'samconfig')
      : "the SDK's default credential chain";
  return { target: { region, ...(profile ? { profile } : {}) }, regionOrigin, profileOrigin };
}

export function cloudContextOf(
  core: CloudCore,
  uri: vscode.Uri,
  template: Template,
  inputs: GatheredInputs,
): CloudContext {
  const { target, regionOrigin, profileOrigin } = awsTargetOf(template, inputs, core.DEFAULT_REGION);
  const named = SETTINGS.cloud.stackName.value(uri)[vscode.workspace.asRelativePath(uri, false)];
  const explicit = named ? { value: named, origin: `setting ${SETTINGS.cloud.stackName.name}` } : undefined;
  return { target, stack: core.stackNameOf(template, inputs.resolution, explicit), regionOrigin, profileOrigin };
}

/** Identifies what a read was for: a change of stack, Region or profile makes a cached read stale. */
export function contextKey(context: CloudContext): string {
  const name = 'value' in context.stack ? context.stack.value : '';
  return [name, context.target.region, context.target.profile ?? ''].join('\n');
}
