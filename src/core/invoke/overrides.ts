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

/** The overrides, or a message with the file position when the file is broken. A missing file is no overrides. */
export function readOverrides(workspaceDir: string): { overrides: Overrides; problem?: string } {
  const file = overridesPath(workspaceDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { overrides: EMPTY_OVERRIDES };
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
