import { execFileSync } from 'child_process';
import * as path from 'path';
import {
  costDiff,
  costDiffJson,
  costDiffMarkdown,
  costDiffTable,
  costJson,
  costMarkdown,
  costTable,
  estimateCost,
  EMPTY_USAGE,
  parseUsageFile,
  regionProblem,
  usageProblemsFor,
  USAGE_FILE_PATH,
} from '../core/cost';
import type { CostReport, UsageFile } from '../core/cost';
import type { Template } from '../core';
import { readBoundedFile } from '../core/load';
import { isUnreadable } from '../core/model/file-read';
import { choice, EXIT, givenInputsOf, INPUT_USAGE, parseArgs, readTemplate, UsageError } from './io';

export const COST_USAGE =
  `serverless-workbench cost <template> [--usage file] [--no-free-tier] [--format ` +
  `table|json|markdown] ${INPUT_USAGE}\n` +
  `  serverless-workbench cost diff <old-template> <new-template> | cost diff <template> --base <git-ref> ` +
  `[--usage file] [--no-free-tier] [--format table|json|markdown] ${INPUT_USAGE}`;

const FORMATS = ['table', 'json', 'markdown'] as const;

/**
 * `cost`: the monthly estimate of a template; `cost diff`: how a change moves it. Without `--usage`, the usage file is
 * looked for where the editor keeps it (`.serverless-workbench/usage.yml` beside the template, then in the current
 * folder); found there or given, a file with errors stops the command (exit 2) rather than price defaults silently.
 */
export function costCommand(
  argv: readonly string[],
  out: (text: string) => void,
  warn: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): number {
  const { positionals, flags } = parseArgs(argv, ['free-tier']);
  // A diff reads the usage file for both sides: say each problem once.
  const said = new Set<string>();
  const warnOnce = (text: string): void => {
    if (!said.has(text)) warn(text);
    said.add(text);
  };
  const format = choice(flags.get('format'), FORMATS, 'table', 'format');
  const region = flags.get('region');
  if (region !== undefined && (typeof region !== 'string' || region === ''))
    throw new UsageError('--region needs a Region code such as eu-west-1');
  // An unknown Region or another partition is refused before anything is read: no other Region's dollars.
  const problem = typeof region === 'string' ? regionProblem(region) : undefined;
  if (problem) throw new UsageError(problem);
  const estimate = (template: Template, templateFile: string): CostReport => {
    const usage = readUsage(flags.get('usage'), templateFile, template, warnOnce);
    const report = estimateCost(template, usage, {
      region: typeof region === 'string' ? region : undefined,
      freeTier: flags.has('no-free-tier') ? false : undefined,
    });
    if (report.regionProblem) throw new UsageError(`${report.regionProblem} (Region ${report.regionSource})`);
    return report;
  };
  if (positionals[0] === 'diff') return diffCommand(positionals.slice(1), flags, format, estimate, out, warn);
  if (positionals.length !== 1) throw new UsageError(`usage: ${COST_USAGE}`);
  if (flags.has('base')) throw new UsageError('--base belongs to `cost diff`');
  const { template } = readTemplate(positionals[0], givenInputsOf(flags), warn);
  const report = estimate(template, positionals[0]);
  if (format === 'json') out(JSON.stringify(costJson(report), null, 2));
  else if (format === 'markdown') out(costMarkdown(report));
  else out(costTable(report));
  if (format !== 'table') for (const note of report.notes) warn(`note: ${note}`);
  return EXIT.ok;
}

/**
 * `cost diff <old> <new>`, or `cost diff <template> --base <ref>` (the template as it was at a commit, read with
 * `git show`). Exit 0 whatever the change: a pull request check shows it, it does not judge it.
 */
function diffCommand(
  positionals: readonly string[],
  flags: ReadonlyMap<string, string | boolean>,
  format: (typeof FORMATS)[number],
  estimate: (template: Template, templateFile: string) => CostReport,
  out: (text: string) => void,
  warn: (text: string) => void,
): number {
  const base = flags.get('base');
  if (base === true || base === '') throw new UsageError('--base needs a git ref such as origin/main');
  const given = givenInputsOf(flags);
  let before: CostReport;
  let afterFile: string;
  if (typeof base === 'string') {
    if (positionals.length !== 1) throw new UsageError(`usage: ${COST_USAGE}`);
    afterFile = positionals[0];
    const { template } = readTemplate(afterFile, given, warn, atCommit(afterFile, base));
    before = estimate(template, afterFile);
  } else {
    if (positionals.length !== 2) throw new UsageError(`usage: ${COST_USAGE}`);
    afterFile = positionals[1];
    before = estimate(readTemplate(positionals[0], given, warn).template, positionals[0]);
  }
  const after = estimate(readTemplate(afterFile, given, warn).template, afterFile);
  const diff = costDiff(before, after);
  if (format === 'json') out(JSON.stringify(costDiffJson(diff), null, 2));
  else if (format === 'markdown') out(costDiffMarkdown(diff));
  else out(costDiffTable(diff));
  return EXIT.ok;
}

/** The text of a file at a commit (`git show <ref>:./<file>`), for the file's own path; other files as on disk. */
function atCommit(file: string, ref: string): (target: string) => string | undefined {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = execFileSync('git', ['show', `${ref}:./${path.basename(absolute)}`], {
      cwd: path.dirname(absolute),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error)
      .trim()
      .split('\n')[0];
    throw new UsageError(`cannot read ${file} at ${ref}: ${stderr}`);
  }
  return (target) => (target === absolute ? text : readFileText(target));
}

const readFileText = (file: string): string | undefined => {
  const text = readBoundedFile(file);
  return text === undefined || isUnreadable(text) ? undefined : text;
};

function readUsage(
  flag: string | boolean | undefined,
  templateFile: string,
  template: Template,
  warn: (text: string) => void,
): UsageFile {
  if (flag === true) throw new UsageError('--usage needs a file');
  const candidates =
    typeof flag === 'string'
      ? [flag]
      : [path.join(path.dirname(path.resolve(templateFile)), USAGE_FILE_PATH), path.resolve(USAGE_FILE_PATH)];
  for (const file of candidates) {
    const text = readBoundedFile(file);
    if (text === undefined || isUnreadable(text)) {
      if (typeof flag === 'string')
        throw new UsageError(`cannot read ${file}: ${text === undefined ? 'ENOENT (no such file)' : text.unreadable}`);
      continue;
    }
    const { usage, problems } = parseUsageFile(text);
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    for (const p of [...problems, ...usageProblemsFor(template, usage)])
      warn(`${shown}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    // Found or given, a usage file with errors would be priced as defaults the user did not mean: stop instead.
    if (problems.some((p) => p.severity === 'error'))
      throw new UsageError(
        `${shown} has errors (see above); fix them${typeof flag === 'string' ? ' or leave out --usage' : ''}`,
      );
    return usage;
  }
  return EMPTY_USAGE;
}
