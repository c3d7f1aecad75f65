import * as vscode from 'vscode';
import type { GivenInputs } from '../core/load';
import { SETTINGS } from './settings.generated';

/** Settings that change what a template's values resolve to: the store rebuilds its models when one changes. */
export const INPUT_SETTINGS = [
  SETTINGS.parameters,
  SETTINGS.stage,
  SETTINGS.invoke.region,
  SETTINGS.invoke.samconfigEnvironment,
].map((s) => s.name);

/**
 * Parameter values, Serverless stage, Region and samconfig environment from the settings that apply to a template (a
 * folder's
 * settings win over the user's). Each value names its setting, so a hover can say where a figure came from.
 */
export function givenInputsFor(uri: vscode.Uri): GivenInputs {
  const parameters = Object.entries(SETTINGS.parameters.value(uri))
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([name, value]) => [name, { value: String(value), origin: `setting ${SETTINGS.parameters.name}` }] as const);
  const region = SETTINGS.invoke.region.value(uri);
  const stage = SETTINGS.stage.value(uri);
  return {
    parameters: Object.fromEntries(parameters),
    stage: stage ? { value: stage, origin: `setting ${SETTINGS.stage.name}` } : undefined,
    configEnv: SETTINGS.invoke.samconfigEnvironment.value(uri) || undefined,
    region: region ? { value: region, origin: `setting ${SETTINGS.invoke.region.name}` } : undefined,
  };
}
