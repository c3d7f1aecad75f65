import type { Template } from '../core';
import {
  loadTemplateFile,
  parseParameterOverrides,
  readBoundedFile,
  type GatheredInputs,
  type GivenInputs,
} from '../core/load';
import type { InputValue } from '../core/model/resolve/types';
import { UsageError } from './exit';

export { EXIT, UsageError } from './exit';

/**
 * Where parameter values, Region and stage come from on the command line; every command that reads a template takes
 * them.
 */
export const INPUT_FLAGS = ['parameter-overrides', 'config-env', 'region', 'stage'] as const;
export const INPUT_USAGE = '[--parameter-overrides "A=1 B=\'x y\'"] [--config-env env] [--region r] [--stage s]';

/**
 * The inputs named by flags: `--parameter-overrides` as SAM CLI reads it (and, like `sam deploy`, instead of
 * samconfig's), `--config-env` choosing samconfig's environment, `--region`, and `--stage` for Serverless.
 */
export function givenInputsOf(flags: ReadonlyMap<string, string | boolean>): GivenInputs {
  const text = (name: string): string | undefined => {
    const value = flags.get(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
    return value;
  };
  const input = (name: string) => {
    const value = text(name);
    return value === undefined ? undefined : { value, origin: `--${name}` };
  };
  const overridesText = text('parameter-overrides');
  let parameterOverrides: Record<string, InputValue> | undefined;
  if (overridesText !== undefined) {
    const parsed = parseParameterOverrides(overridesText);
    if (parsed.problems.length > 0)
      throw new UsageError(
        `--parameter-overrides: ${parsed.problems.join('; ')} (write Name=Value, quoting values with spaces)`,
      );
    parameterOverrides = Object.fromEntries(
      parsed.overrides.map((o) => [o.name, { value: o.value, origin: '--parameter-overrides' }]),
    );
  }
  return { parameterOverrides, configEnv: text('config-env'), region: input('region'), stage: input('stage') };
}

/**
 * Reads and models a template file for a CLI command; I/O failures become usage errors (exit 2), and what is
 * wrong in samconfig is a warning with its line. Serverless `${env:NAME}` resolves from this process's
 * environment: in a terminal that is the shell a deploy would run from (the editor passes none).
 */
export function readTemplate(
  file: string,
  given: GivenInputs = {},
  warn: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
  readFile: (file: string) => ReturnType<typeof readBoundedFile> = readBoundedFile,
): { template: Template; inputs: GatheredInputs } {
  const loaded = loadTemplateFile(file, { readFile, given, env: process.env });
  if (!loaded.ok) throw new UsageError(loaded.message);
  for (const p of loaded.inputs.problems) warn(`${p.file}:${p.line}: warning: ${p.message}`);
  return loaded;
}

/** Minimal flag parser: `--name value`, `--flag`, `--no-flag`, and positionals. */
export function parseArgs(
  argv: readonly string[],
  booleans: readonly string[] = [],
): { positionals: string[]; flags: Map<string, string | boolean> } {
  const positionals: string[] = [];
  const flags = new Map<string, string | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    if (inline !== undefined) flags.set(name, inline);
    else if (booleans.includes(name) || name.startsWith('no-')) flags.set(name, true);
    else if (i + 1 < argv.length) flags.set(name, argv[++i]);
    else throw new UsageError(`--${name} needs a value`);
  }
  return { positionals, flags };
}

export function choice<T extends string>(
  value: string | boolean | undefined,
  allowed: readonly T[],
  fallback: T,
  name: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
}
