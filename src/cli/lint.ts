import * as fs from 'fs';
import * as path from 'path';
import { isConventionalTemplateName } from '../core';
import { measureCode } from '../core/code/measure';
import { codeQueriesOf } from '../core/code/targets';
import { gatherPermissionInputs } from '../core/permissions';
import { ALL_RULES, analyzeTemplate, isIsoDate, todayIso } from '../core/rules';
import type { Finding, Severity } from '../core/rules';
import { nodeCodeFileSystem, readSourceText } from './code-fs';
import { choice, EXIT, givenInputsOf, INPUT_FLAGS, INPUT_USAGE, parseArgs, readTemplate, UsageError } from './io';
import { cliSchemaCatalog } from './schema-data';
import { parseRuleSeverities, RULES_USAGE } from './rule-severities';
import { toSarif } from './sarif';
import type { FileFindings } from './finding-places';
import { displayPath, position } from './finding-places';

export const LINT_USAGE =
  `serverless-workbench lint <files or folders...> [--format text|json|sarif] [--today YYYY-MM-DD] [--fail-on ` +
  `error|warning|never] ${RULES_USAGE} ${INPUT_USAGE}`;

/** Folders the editor never scans either: dependencies, build output, VCS data. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.aws-sam', '.serverless', '.git', 'cdk.out']);
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/**
 * `lint`: every rule over the templates named, or found in the folders named, the way the extension finds them
 * (template.{yaml,yml,json}, serverless.{yml,yaml,json}). A file named explicitly is linted whatever its name
 * if it is a template.
 */
export async function lintCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(argv);
  const format = choice(flags.get('format'), ['text', 'json', 'sarif'] as const, 'text', 'format');
  const failOn = choice(flags.get('fail-on'), ['error', 'warning', 'never'] as const, 'error', 'fail-on');
  const today = flags.get('today') ?? todayIso();
  if (typeof today !== 'string' || !isIsoDate(today)) throw new UsageError('--today must be a date written YYYY-MM-DD');
  for (const name of flags.keys())
    if (!['format', 'fail-on', 'today', 'rules', ...INPUT_FLAGS].includes(name))
      throw new UsageError(`unknown option --${name}\nusage: ${LINT_USAGE}`);
  if (positionals.length === 0) throw new UsageError(`usage: ${LINT_USAGE}`);
  const given = givenInputsOf(flags);
  const severities = parseRuleSeverities(flags.get('rules'));

  const files = positionals.flatMap(templatesUnder);
  const schemas = cliSchemaCatalog();
  const results: FileFindings[] = [];
  for (const file of files) {
    const { template } = readTemplate(file, given);
    // The template's path is absolute in the model whatever form was given, so code is found beside it.
    const code = await measureCode(codeQueriesOf(template), nodeCodeFileSystem);
    const permissions = await gatherPermissionInputs(template, readSourceText);
    const result = analyzeTemplate(template, { today, code, schemas, permissions, severities });
    for (const crash of result.crashes)
      process.stderr.write(`serverless-workbench lint: rule ${crash.ruleId} failed on ${file}: ${crash.message}\n`);
    results.push({ file, template, findings: result.findings });
  }

  if (format === 'json') out(JSON.stringify({ findings: results.flatMap(jsonFindings) }, null, 2));
  else if (format === 'sarif') out(JSON.stringify(toSarif(results, ALL_RULES), null, 2));
  else {
    for (const r of results) for (const f of r.findings) out(textLine(r, f));
    process.stderr.write(`${summary(results, files.length)}\n`);
  }
  const threshold = failOn === 'never' ? Infinity : RANK[failOn];
  return results.some((r) => r.findings.some((f) => RANK[f.severity] >= threshold)) ? EXIT.findings : EXIT.ok;
}

function templatesUnder(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    throw new UsageError(`cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!stat.isDirectory()) return [target];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)) walk(full);
      else if (e.isFile() && isConventionalTemplateName(full)) found.push(full);
    }
  };
  walk(target);
  return found;
}

function textLine(r: FileFindings, f: Finding): string {
  const { line, column } = position(r, f);
  return `${displayPath(r, f.file)}:${line}:${column} ${f.severity} ${f.ruleId} ${f.message}`;
}

function jsonFindings(r: FileFindings) {
  return r.findings.map((f) => ({
    file: displayPath(r, f.file),
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...position(r, f),
  }));
}

function summary(results: readonly FileFindings[], files: number): string {
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  return (
    `${files} template${files === 1 ? '' : 's'}: ${count('error')} errors, ${count('warning')} ` +
    `warnings, ${count('info')} infos`
  );
}
