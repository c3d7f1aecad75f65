import * as path from 'path';
import {
  costJson,
  costMarkdown,
  costTable,
  estimateCost,
  EMPTY_USAGE,
  parseUsageFile,
  USAGE_FILE_PATH,
} from '../core/cost';
import type { UsageFile } from '../core/cost';
import { readBoundedFile } from '../core/load';
import { isUnreadable } from '../core/model/file-read';
import { choice, EXIT, givenInputsOf, INPUT_USAGE, parseArgs, readTemplate, UsageError } from './io';

export const COST_USAGE =
  `serverless-workbench cost <template> [--usage file] [--no-free-tier] [--format ` +
  `table|json|markdown] ${INPUT_USAGE}`;

/**
 * `cost`: the monthly estimate of a template. Without `--usage`, the usage file is looked for where the
 * editor keeps it (`.serverless-workbench/usage.yml` beside the template, then in the current folder).
 */
export function costCommand(
  argv: readonly string[],
  out: (text: string) => void,
  warn: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): number {
  const { positionals, flags } = parseArgs(argv, ['free-tier']);
  const format = choice(flags.get('format'), ['table', 'json', 'markdown'] as const, 'table', 'format');
  if (positionals.length !== 1) throw new UsageError(`usage: ${COST_USAGE}`);
  const region = flags.get('region');
  if (region !== undefined && (typeof region !== 'string' || region === ''))
    throw new UsageError('--region needs a Region code such as eu-west-1');
  const { template } = readTemplate(positionals[0], givenInputsOf(flags), warn);
  const usage = readUsage(flags.get('usage'), positionals[0], warn);
  const report = estimateCost(template, usage, {
    region: typeof region === 'string' ? region : undefined,
    freeTier: flags.has('no-free-tier') ? false : undefined,
  });
  if (format === 'json') out(JSON.stringify(costJson(report), null, 2));
  else if (format === 'markdown') out(costMarkdown(report));
  else out(costTable(report));
  if (format !== 'table') for (const note of report.notes) warn(`note: ${note}`);
  return EXIT.ok;
}

function readUsage(flag: string | boolean | undefined, templateFile: string, warn: (text: string) => void): UsageFile {
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
    for (const p of problems) warn(`${file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    if (problems.some((p) => p.severity === 'error') && typeof flag === 'string') {
      throw new UsageError(`${file} has errors (see above); fix them or leave out --usage`);
    }
    return usage;
  }
  return EMPTY_USAGE;
}
