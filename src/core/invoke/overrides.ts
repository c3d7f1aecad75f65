import * as fs from 'fs';
import * as path from 'path';
import { formatJsonProblem, parseJsonStrict } from './json-file';

/**
 * `.serverless-workbench/env.json`: values that only exist in AWS. The shape extends SAM CLI's `--env-vars`
 * file, so an existing one can be copied in:
 *   { "Parameters": { "VAR": "for every function" },
 *     "<LogicalId>": { "VAR": "for one function" },
 *     "References": { "<Parameter or LogicalId>": "what !Ref gives", "<LogicalId>.Arn": "what !GetAtt gives" } }
 */
export interface Overrides {
  readonly allFunctions: Readonly<Record<string, string>>;
  readonly byFunction: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly references: Readonly<Record<string, string>>;
}

export const EMPTY_OVERRIDES: Overrides = { allFunctions: {}, byFunction: {}, references: {} };

export function overridesPath(workspaceDir: string): string {
  return path.join(workspaceDir, '.serverless-workbench', 'env.json');
}

/**
 * The overrides of the workspace's env.json, then those of an env.json the user names (SAM CLI's `--env-vars`),
 * which win name by name; or a message with the file position when a file is broken. A missing workspace file
 * is no overrides; a missing named file is a problem.
 */
export function readOverrides(workspaceDir: string, envVarsFile?: string): { overrides: Overrides; problem?: string } {
  const own = readOverridesFile(overridesPath(workspaceDir), false);
  if (own.problem || !envVarsFile) return own;
  const given = readOverridesFile(envVarsFile, true);
  if (given.problem) return given;
  const [a, b] = [own.overrides, given.overrides];
  const byFunction: Record<string, Record<string, string>> = { ...a.byFunction };
  for (const [name, vars] of Object.entries(b.byFunction)) byFunction[name] = { ...byFunction[name], ...vars };
  return {
    overrides: {
      allFunctions: { ...a.allFunctions, ...b.allFunctions },
      byFunction,
      references: { ...a.references, ...b.references },
    },
  };
}

function readOverridesFile(file: string, required: boolean): { overrides: Overrides; problem?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return required
      ? { overrides: EMPTY_OVERRIDES, problem: `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code}` }
      : { overrides: EMPTY_OVERRIDES };
  }
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) return { overrides: EMPTY_OVERRIDES, problem: formatJsonProblem(file, parsed.problem) };
  if (!isRecord(parsed.value)) return { overrides: EMPTY_OVERRIDES, problem: `${file}:1:1: must be a JSON object` };
  const byFunction: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(parsed.value)) {
    if (key !== 'Parameters' && key !== 'References' && isRecord(value)) byFunction[key] = strings(value);
  }
  return {
    overrides: {
      allFunctions: strings(parsed.value.Parameters),
      byFunction,
      references: strings(parsed.value.References),
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : JSON.stringify(x);
  return out;
}
