import { resourceOfDeployedId } from '../model/deployed-ids';
import { entryOf, type Node, type Span } from '../model/nodes';
import type { Template } from '../model/template';

/** A problem `serverless deploy` printed, placed in serverless.yml. */
export interface FrameworkProblem {
  readonly severity: 'error' | 'warning';
  /** The framework's own words, one line per line it printed. */
  readonly message: string;
  readonly span: Span;
}

/**
 * What the Serverless Framework's output says went wrong, at the place in serverless.yml it is about. The
 * framework names no file or line, only configuration paths and CloudFormation logical IDs, in these forms
 * (v1 to v4; colours, the v1/v2 "Serverless: " prefix and the framework's indentation are ignored):
 * - schema validation (https://www.serverless.com/framework/docs/configuration-validation): `Configuration error
 *   at 'functions.hello': unrecognized property 'handlr'`, or a `Configuration error:` / `Warning: Invalid
 *   configuration encountered` header followed by `at 'path': message` lines, `at root: ...` for the top level;
 * - variables (https://www.serverless.com/framework/docs/guides/variables): `Cannot resolve variable at
 *   "provider.stage": Value not found at "self" source` (v3) and `Cannot resolve '${env:X}' variable at
 *   'provider.stage'. No value is available...` (v4);
 * - CloudFormation failures: `CREATE_FAILED: HelloLambdaFunction (AWS::Lambda::Function)` followed by the reason
 *   (v3, v4) and `An error occurred: HelloLambdaFunction - <reason>` (v1, v2), placed at the function or resource
 *   the logical ID comes from (the model names them as the framework does);
 * - any other error, the text after `Error:` (v3, v4) or `Serverless Error ----` (v1, v2), at the top of the file.
 */
export function frameworkProblems(output: string, template: Template): FrameworkProblem[] {
  const lines = plainLines(output);
  const found: FrameworkProblem[] = [];
  const add = (problem: FrameworkProblem) => {
    if (!found.some((p) => p.message === problem.message && p.span.start === problem.span.start)) found.push(problem);
  };
  configurationProblems(lines, template, add);
  variableProblems(lines, template, add);
  stackProblems(lines, template, add);
  if (!found.some((p) => p.severity === 'error')) {
    const general = generalError(lines);
    if (general) add({ severity: 'error', message: general, span: topOf(template) });
  }
  return found;
}

// ECMA-48 control sequences (colours, cursor moves) and operating-system commands (links, titles).
const TERMINAL_CODES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

function plainLines(output: string): string[] {
  return output
    .replace(TERMINAL_CODES, '')
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^\s*Serverless:\s?/, '').trim());
}

type Add = (problem: FrameworkProblem) => void;

const CONFIG_HEADER = /Configuration (error|warning)|Invalid configuration encountered/i;
const CONFIG_ENTRY = /(?:^|\s|-\s)at (root|'([^']*)'): (.+)$/;

function configurationProblems(lines: readonly string[], template: Template, add: Add): void {
  let severity: FrameworkProblem['severity'] | undefined;
  for (const line of lines) {
    const header = CONFIG_HEADER.exec(line);
    if (header) severity = header[1]?.toLowerCase() === 'error' ? 'error' : 'warning';
    const entry = CONFIG_ENTRY.exec(line);
    if (!severity || !entry) {
      if (!header && line !== '') severity = undefined;
      continue;
    }
    const path = entry[1] === 'root' ? [] : configPath(entry[2] ?? '');
    const message = entry[3] ?? '';
    const property = /^unrecognized property '([^']+)'/.exec(message)?.[1];
    const where = entry[1] === 'root' ? 'root' : `'${entry[2]}'`;
    add({
      severity,
      message: `Configuration ${severity} at ${where}: ${message}`,
      span: placeOf(template, property ? [...path, property] : path),
    });
  }
}

const VARIABLE_V3 = /Cannot resolve variable at "([^"]*)": (.+?),?$/;
const VARIABLE_V4 = /Cannot resolve '(.+?)' variable at '([^']*)'/;

function variableProblems(lines: readonly string[], template: Template, add: Add): void {
  for (const line of lines) {
    const v3 = VARIABLE_V3.exec(line);
    const v4 = v3 ? undefined : VARIABLE_V4.exec(line);
    const path = v3?.[1] ?? v4?.[2];
    if (path === undefined) continue;
    const message = line.slice(line.indexOf('Cannot resolve')).replace(/,$/, '');
    add({ severity: 'error', message, span: placeOf(template, configPath(path)) });
  }
}

const STACK_FAILURE = /\b([A-Z_]+_FAILED): ([A-Za-z0-9]+) \(([A-Za-z0-9:]+)\)/;
const LEGACY_STACK_FAILURE = /An error occurred: ([A-Za-z0-9]+) - (.+)$/;

function stackProblems(lines: readonly string[], template: Template, add: Add): void {
  lines.forEach((line, index) => {
    const failure = STACK_FAILURE.exec(line);
    const legacy = failure ? undefined : LEGACY_STACK_FAILURE.exec(line);
    const logicalId = failure?.[2] ?? legacy?.[1];
    if (!logicalId) return;
    const reason = failure ? paragraphAfter(lines, index) : [legacy?.[2] ?? '', ...paragraphAfter(lines, index)];
    const heading = failure ? `${failure[1]}: ${logicalId} (${failure[3]})` : `${logicalId} failed`;
    const resource = resourceOfDeployedId(template, logicalId);
    add({
      severity: 'error',
      message: [heading, ...reason].filter(Boolean).join('\n'),
      span: resource?.idSpan ?? topOf(template),
    });
  });
}

/** The lines after `index` up to the next empty line (a message the framework wrapped or continued). */
function paragraphAfter(lines: readonly string[], index: number): string[] {
  const paragraph: string[] = [];
  for (let i = index + 1; i < lines.length && lines[i] !== ''; i++) {
    if (STACK_FAILURE.test(lines[i] ?? '')) break;
    paragraph.push(lines[i] ?? '');
  }
  return paragraph;
}

// The lines the framework prints after an error, which are not part of its message.
const ERROR_TRAILER = /^(Environment|Credentials|Docs|Support|Bugs|Get Support|Your Environment Information)\b/;

/** The message of an error the framework reported without a place: after `Error:` or `Serverless Error ---`. */
function generalError(lines: readonly string[]): string | undefined {
  const start = lines.findIndex((line) => line === 'Error:' || /^Serverless Error -+$/.test(line));
  if (start < 0)
    return lines
      .find((line) => line.startsWith('✖') && !/failed to deploy/.test(line))
      ?.slice(1)
      .trim();
  const message: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (ERROR_TRAILER.test(line) || /^at /.test(line)) break;
    if (line === '') {
      if (message.length > 0) break;
      continue;
    }
    message.push(line);
  }
  return message.length > 0 ? message.join('\n') : undefined;
}

/** `functions.hello.events[0]` → [functions, hello, events, 0]. */
function configPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
}

/**
 * The key at a configuration path, or its deepest part the document writes (a value set by a variable or an
 * imported file has no keys of its own here): an unknown property lands on the key that contains it.
 */
function placeOf(template: Template, path: readonly string[]): Span {
  let node: Node | undefined = template.root;
  let place = topOf(template);
  for (const segment of path) {
    if (node?.kind === 'seq' && /^\d+$/.test(segment)) {
      node = node.items[Number(segment)];
      if (!node) break;
      place = node.span;
      continue;
    }
    const entry = entryOf(node, segment);
    if (!entry) break;
    place = entry.keySpan;
    node = entry.value;
  }
  return place;
}

/** Where a problem without a place goes: the document's first key (`service`), so the Problems panel lists it. */
function topOf(template: Template): Span {
  return template.root?.entries[0]?.keySpan ?? { start: 0, end: 0 };
}
