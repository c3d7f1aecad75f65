import * as path from 'path';
import { isUnreadable, type ReadFile } from '../model/file-read';
import type { InputValue } from '../model/resolve/types';
import { parseParameterOverrides } from './parameter-overrides';
import { parseSamconfigToml } from './samconfig-toml';
import { parseSamconfigYaml } from './samconfig-yaml';
import type { SamconfigEntry, SamconfigRead } from './samconfig-types';

/**
 * The names SAM CLI looks for beside the template, in its order: samconfig.toml first, then samconfig.yaml,
 * then samconfig.yml ("Specify a configuration file",
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-config.html).
 */
export const SAMCONFIG_NAMES = ['samconfig.toml', 'samconfig.yaml', 'samconfig.yml'] as const;
export const DEFAULT_CONFIG_ENV = 'default';
/** The command whose section is read: the model describes the stack as `sam deploy` creates it. */
export const SAMCONFIG_COMMAND = 'deploy';

/** Something wrong in a file the inputs come from, with its place (1-based line). */
export interface InputProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** What samconfig says for one config environment, each value with where it is written. */
export interface Samconfig {
  readonly file: string;
  readonly configEnv: string;
  readonly parameters: Readonly<Record<string, InputValue>>;
  readonly region?: InputValue;
  readonly stackName?: InputValue;
  readonly profile?: InputValue;
  /**
   * Every key of the environment's `deploy` section, then `global` where deploy lacks it, as written with its origin
   * in words and line: what `sam deploy` reads beyond the model's inputs (s3_bucket, resolve_s3, capabilities, tags).
   */
  readonly entries: Readonly<Record<string, SamconfigEntry & { readonly origin: string }>>;
}

/**
 * samconfig beside a template, read the way SAM CLI reads it for `sam deploy`: each key from
 * `[<env>.deploy.parameters]`, else from `[<env>.global.parameters]`. Undefined when there is none; a file
 * that cannot be read or has a wrong value gives problems with their line, never an exception.
 */
export function readSamconfig(
  templateDir: string,
  readFile: ReadFile,
  configEnv = DEFAULT_CONFIG_ENV,
): { samconfig?: Samconfig; problems: InputProblem[] } {
  for (const name of SAMCONFIG_NAMES) {
    const file = path.join(templateDir, name);
    const text = readFile(file);
    if (text === undefined) continue;
    if (isUnreadable(text))
      return { problems: [{ file, line: 1, message: `${name} is not read: ${text.unreadable}.` }] };
    const read: SamconfigRead = name.endsWith('.toml') ? parseSamconfigToml(text) : parseSamconfigYaml(text);
    if (!read.ok)
      return {
        problems: [
          {
            file,
            line: read.line,
            message:
              `${name} cannot be read: ${read.message}. Its parameter overrides, Region and stack name are not ` +
              `used.`,
          },
        ],
      };
    return valuesOf(file, read.tables, configEnv);
  }
  return { problems: [] };
}

function valuesOf(
  file: string,
  tables: Extract<SamconfigRead, { ok: true }>['tables'],
  configEnv: string,
): { samconfig: Samconfig; problems: InputProblem[] } {
  const name = path.basename(file);
  const problems: InputProblem[] = [];
  const sections = [SAMCONFIG_COMMAND, 'global'].map((command) => `${configEnv}.${command}.parameters`);
  if (
    configEnv !== DEFAULT_CONFIG_ENV &&
    !Object.keys(tables).some((t) => t === configEnv || t.startsWith(`${configEnv}.`))
  ) {
    problems.push({
      file,
      line: 1,
      message: `${name} has no config environment "${configEnv}"; nothing in it is used.`,
    });
  }
  const pick = (key: string): { entry: SamconfigEntry; origin: string } | undefined => {
    for (const section of sections) {
      const entry = tables[section]?.[key];
      if (entry) return { entry, origin: `${name} [${section}] ${key}` };
    }
    return undefined;
  };
  const text = (key: string): InputValue | undefined => {
    const found = pick(key);
    if (!found) return undefined;
    const { value, line } = found.entry;
    if (typeof value === 'string' || typeof value === 'number') return { value: String(value), origin: found.origin };
    problems.push({ file, line, message: `${key} in ${name} should be a string, not ${JSON.stringify(value)}.` });
    return undefined;
  };

  const entries: Record<string, SamconfigEntry & { origin: string }> = {};
  for (const section of [...sections].reverse())
    for (const [key, entry] of Object.entries(tables[section] ?? {}))
      entries[key] = { ...entry, origin: `${name} [${section}] ${key}` };
  const parameters: Record<string, InputValue> = {};
  const overrides = pick('parameter_overrides');
  if (overrides) {
    const { value, line } = overrides.entry;
    const list = Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
    if (typeof value !== 'string' && !list) {
      problems.push({
        file,
        line,
        message:
          `parameter_overrides in ${name} should be a string "A=1 B=2" or a list of "A=1", ` +
          `not ${JSON.stringify(value)}.`,
      });
    } else {
      const parsed = parseParameterOverrides(list ?? (value as string));
      for (const o of parsed.overrides) parameters[o.name] = { value: o.value, origin: overrides.origin };
      for (const p of parsed.problems)
        problems.push({ file, line, message: `parameter_overrides in ${name}: ${p}; it is not used.` });
    }
  }
  return {
    samconfig: {
      file,
      configEnv,
      parameters,
      region: text('region'),
      stackName: text('stack_name'),
      profile: text('profile'),
      entries,
    },
    problems,
  };
}
