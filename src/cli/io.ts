import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../core';
import type { Template } from '../core';

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

/**
 * Reads and models a template file for a CLI command; I/O failures become usage errors (exit 2).
 * Serverless `${env:NAME}` resolves from this process's environment: in a terminal that is the shell
 * a deploy would run from (the editor passes none, its environment is not the user's shell).
 */
export function readTemplate(file: string): Template {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const dir = path.dirname(path.resolve(file));
  const template = loadTemplate(text, file, {
    env: process.env,
    readFile: (relative) => {
      try {
        return fs.readFileSync(path.resolve(dir, relative), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  if (!template) throw new UsageError(`${file} is not a SAM, CloudFormation or Serverless Framework template`);
  return template;
}

/** Minimal flag parser: `--name value`, `--flag`, `--no-flag`, and positionals. */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): { positionals: string[]; flags: Map<string, string | boolean> } {
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

export function choice<T extends string>(value: string | boolean | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
}
