import { LAMBDA_DEFAULTS } from '../model/functions';
import { describeProvenance, formatSetting } from '../model/resolve/describe';
import type { TemplateResolver } from '../model/resolve/resolver';
import {
  ARCHITECTURE,
  ARCHITECTURE_LIST,
  isLeftOut,
  NUMBER,
  resolvedSetting,
  TEXT,
  type SettingReader,
} from '../model/resolve/setting';
import type { InputValue, ResolutionInputs } from '../model/resolve/types';
import { SERVERLESS_DEFAULTS } from '../model/serverless/functions';
import type { FunctionView, Setting, Template } from '../model/template';
import { localStandIns, OVERRIDES_ORIGIN } from './local-names';

/** Region used when neither the user, samconfig.toml nor the template says (Lambda's pricing reference Region). */
export const DEFAULT_REGION = 'us-east-1';

/** The template's resolver as a local run sees it: the model's inputs, env.json's `References`, local names. */
export interface LocalResolution {
  readonly resolver: TemplateResolver;
  /** The Region the run uses, with where it came from. */
  readonly region: InputValue;
}

/**
 * The model's evaluator with what only a local run adds: `References` of env.json as parameter and pseudo
 * parameter values (they win, being given for local runs), a Region (the inputs', else the chosen profile's as
 * SAM CLI takes it, else this invoker's default, said) and stand-ins for names that only exist in AWS.
 */
export function localResolution(
  template: Template,
  references: Readonly<Record<string, string>>,
  profileRegion?: InputValue,
): LocalResolution {
  const model = template.resolver.inputs;
  const given = (key: string): InputValue | undefined =>
    key in references ? { value: references[key], origin: `${OVERRIDES_ORIGIN} References` } : undefined;
  const parameters: Record<string, InputValue> = { ...model.parameters };
  for (const p of template.parameters) parameters[p.name] = given(p.name) ?? parameters[p.name];
  const region = given('AWS::Region') ??
    model.region ??
    profileRegion ?? {
      value: DEFAULT_REGION,
      origin: `the invoker's default Region (no Region in samconfig, settings, flags or the AWS profile)`,
    };
  const accountId = given('AWS::AccountId') ?? model.accountId;
  const stackName = given('AWS::StackName') ?? model.stackName;
  const inputs: ResolutionInputs = {
    ...model,
    parameters,
    region,
    ...(accountId ? { accountId } : {}),
    ...(stackName ? { stackName } : {}),
  };
  // Assigned below: the stand-ins ask the resolver that is built with them.
  // eslint-disable-next-line prefer-const
  let resolver: TemplateResolver | undefined;
  const standIns = localStandIns(
    template,
    references,
    () => region.value,
    () => resolver!,
  );
  resolver = template.resolver.derive(inputs, standIns);
  return { resolver, region };
}

/** A setting as the run uses it, with where it came from or what stands in for it and why. */
export interface UsedSetting<T> {
  readonly value: T;
  /** "Default of parameter T"; for a value used in place of an unknown one, "unknown (…); using Lambda's default". */
  readonly from: string;
  /** The whole line: "Timeout 10 s — Default of parameter T". */
  readonly line: string;
}

/** What an invocation runs with: shown before it runs and in its result. */
export type UsedSettings = {
  readonly timeoutSeconds: UsedSetting<number>;
  readonly memorySizeMb: UsedSetting<number>;
  readonly functionName: UsedSetting<string>;
  readonly architecture: UsedSetting<'x86_64' | 'arm64'>;
  readonly region: UsedSetting<string>;
};

/** The function's settings evaluated again with a local resolution (a setting without a written node stays). */
export interface LocalView {
  readonly functionName: Setting<string> | undefined;
  readonly runtime: Setting<string> | undefined;
  readonly handler: Setting<string> | undefined;
  readonly codeUri: Setting<string> | undefined;
  readonly memorySize: Setting<number> | undefined;
  readonly timeout: Setting<number> | undefined;
  readonly architecture: Setting<'x86_64' | 'arm64'> | undefined;
  readonly environment: readonly { readonly name: string; readonly resolved: Setting<string> }[];
}

export function localView(template: Template, view: FunctionView, resolver: TemplateResolver): LocalView {
  const again = <T>(setting: Setting<T> | undefined, reader: SettingReader<T>): Setting<T> | undefined => {
    if (!setting?.node) return setting;
    const resolved = resolvedSetting(resolver, setting.node, setting.source, reader);
    return isLeftOut(resolved) ? undefined : resolved;
  };
  const environment = [];
  for (const variable of view.environment) {
    const resolved = resolvedSetting(resolver, variable.value, variable.source, TEXT);
    if (!isLeftOut(resolved)) environment.push({ name: variable.name, resolved });
  }
  return {
    functionName: again(view.functionName, TEXT),
    runtime: again(view.runtime, TEXT),
    handler: again(view.handler, TEXT),
    codeUri: again(view.codeUri, TEXT),
    memorySize: again(view.memorySize, NUMBER),
    timeout: again(view.timeout, NUMBER),
    architecture: again(view.architecture, template.kind === 'serverless' ? ARCHITECTURE : ARCHITECTURE_LIST),
    environment,
  };
}

/** The settings a run uses: each resolved one with its provenance, else the service's default, said. */
export function usedSettings(
  template: Template,
  view: FunctionView,
  local: LocalView,
  region: InputValue,
): UsedSettings {
  const serverless = template.kind === 'serverless';
  const defaults = serverless ? SERVERLESS_DEFAULTS : LAMBDA_DEFAULTS;
  const service = serverless ? "the Serverless Framework's default" : "Lambda's default";
  return {
    timeoutSeconds: used('Timeout', local.timeout, 's', { instead: service, value: defaults.timeout }),
    memorySizeMb: used('Memory', local.memorySize, 'MB', { instead: service, value: defaults.memorySize }),
    functionName: used('FunctionName', local.functionName, undefined, {
      instead: 'the logical ID',
      value: view.logicalId,
      absent: 'not set (AWS generates one at deploy)',
    }),
    architecture: used('Architecture', local.architecture, undefined, {
      instead: service,
      value: defaults.architecture,
    }),
    region: { value: region.value, from: region.origin, line: `Region ${region.value} — ${region.origin}` },
  };
}

/** What a run uses when a setting is unknown or absent, and how to say it. */
interface Fallback<T> {
  readonly instead: string;
  readonly value: T;
  /** Why there is no value when the setting is not there at all (left out with `AWS::NoValue` unless said). */
  readonly absent?: string;
}

function used<T>(
  label: string,
  setting: Setting<T> | undefined,
  unit: string | undefined,
  fallback: Fallback<T>,
): UsedSetting<T> {
  if (setting?.value !== undefined)
    return {
      value: setting.value,
      from: describeProvenance(setting),
      line: `${label} ${formatSetting(setting, unit)}`,
    };
  const why = setting ? `unknown (${setting.unknown})` : (fallback.absent ?? 'left out');
  const from = `${why}; using ${fallback.instead}`;
  return { value: fallback.value, from, line: `${label} ${from} ${fallback.value}${unit ? ` ${unit}` : ''}` };
}
