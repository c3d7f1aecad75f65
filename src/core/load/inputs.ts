import * as path from 'path';
import type { ReadFile } from '../model/file-read';
import type { InputValue, ResolutionInputs } from '../model/resolve/types';
import { DEFAULT_CONFIG_ENV, readSamconfig, type InputProblem, type Samconfig } from './samconfig';

/** Inputs an adapter was given: command-line flags in the terminal, settings in the editor. */
export interface GivenInputs {
  /**
   * `--parameter-overrides`: replaces samconfig's `parameter_overrides` as a whole, as it does for
   * `sam deploy` (SAM CLI takes a flag given on the command line instead of the config file's value).
   */
  readonly parameterOverrides?: Readonly<Record<string, InputValue>>;
  /** `serverlessWorkbench.parameters`: each wins over samconfig's value of the same parameter. */
  readonly parameters?: Readonly<Record<string, InputValue>>;
  /** samconfig config environment; `default` when absent. */
  readonly configEnv?: string;
  readonly region?: InputValue;
  readonly stage?: InputValue;
  readonly stackName?: InputValue;
}

export interface GatheredInputs {
  /** What `loadTemplate` resolves values with. */
  readonly resolution: ResolutionInputs;
  /** samconfig as read (its `profile` serves remote invocations), when there is one. */
  readonly samconfig?: Samconfig;
  /** What was wrong in samconfig, with file and line. */
  readonly problems: readonly InputProblem[];
}

/**
 * Parameter values, Region, stack name and stage for a template: what the adapter was given wins, then
 * samconfig beside the template (its chosen config environment), then the template's own Defaults (which
 * the model reads itself). samconfig is SAM CLI's and is not read for a Serverless Framework service, nor
 * for a document that has no folder yet (an untitled editor).
 */
export function gatherInputs(templateFile: string, given: GivenInputs, readFile: ReadFile): GatheredInputs {
  const configEnv = given.configEnv || DEFAULT_CONFIG_ENV;
  const readsSamconfig = path.isAbsolute(templateFile) && !/(^|[\\/])serverless\.(ya?ml|json)$/i.test(templateFile);
  const { samconfig, problems } = readsSamconfig
    ? readSamconfig(path.dirname(templateFile), readFile, configEnv)
    : { samconfig: undefined, problems: [] };
  const parameters = { ...(given.parameterOverrides ?? samconfig?.parameters), ...given.parameters };
  const resolution: ResolutionInputs = {
    configEnv,
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...defined('region', given.region ?? samconfig?.region),
    ...defined('stackName', given.stackName ?? samconfig?.stackName),
    ...defined('stage', given.stage),
  };
  return { resolution, samconfig, problems };
}

function defined<K extends string>(key: K, value: InputValue | undefined): Partial<Record<K, InputValue>> {
  return value ? ({ [key]: value } as Record<K, InputValue>) : {};
}
