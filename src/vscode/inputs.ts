import * as vscode from 'vscode';
import type { GivenInputs } from '../core/load';
import { SECTION } from './settings';

/** Settings that change what a template's values resolve to: the store rebuilds its models when one changes. */
export const INPUT_SETTINGS = ['parameters', 'stage', 'invoke.region', 'invoke.samconfigEnvironment'].map((name) => `${SECTION}.${name}`);

/**
 * Parameter values, Serverless stage, Region and samconfig environment from the settings that apply to a template (a folder's
 * settings win over the user's). Each value names its setting, so a hover can say where a figure came from.
 */
export function givenInputsFor(uri: vscode.Uri): GivenInputs {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const parameters = Object.entries(config.get<Record<string, unknown>>('parameters', {}))
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([name, value]) => [name, { value: String(value), origin: `setting ${SECTION}.parameters` }] as const);
  const region = config.get<string>('invoke.region', '');
  const stage = config.get<string>('stage', '');
  return {
    parameters: Object.fromEntries(parameters),
    stage: stage ? { value: stage, origin: `setting ${SECTION}.stage` } : undefined,
    configEnv: config.get<string>('invoke.samconfigEnvironment', '') || undefined,
    region: region ? { value: region, origin: `setting ${SECTION}.invoke.region` } : undefined,
  };
}
