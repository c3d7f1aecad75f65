import { withBoundedDepth } from './depth';
import { detectKind, isConventionalTemplateName } from './detect';
import { LIMITS } from './limits';
import { LineIndex } from './lines';
import type { MapNode, Node } from './nodes';
import { parseJson } from './parse-json';
import type { ParseProblem, ParseResult } from './parse-result';
import { readYaml } from './parse-yaml';
import type { ReparseBase } from './reparse-yaml';
import { buildCloudFormation } from './cloudformation';
import { buildServerless } from './serverless/build';
import type { Template, TemplateFormat, TemplateKind } from './template';
import type { ResolutionInputs } from './resolve/types';
import type { ReadFile } from './file-read';
import { createResolver } from './resolve/resolver';

export interface LoadOptions {
  /**
   * Reads another file relative to the template (Serverless `${file(...)}`); absent in pure contexts.
   * `src/core/load` gives one that reads only regular files up to `LIMITS.maxReadFileBytes`.
   */
  readonly readFile?: ReadFile;
  /**
   * Environment for Serverless `${env:NAME}`; absent means "unknown", so such variables fall back to
   * their defaults or are listed as unresolved (the editor's own environment is not the deploy shell's).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Parameter values, Region, stage: what resolving `Ref`, `Fn::FindInMap`, `Fn::If`, `${opt:stage}` needs. */
  readonly resolution?: ResolutionInputs;
  /** The model of an earlier version of this text: a YAML edit inside one entry re-reads only that entry. */
  readonly previous?: Template;
}

/** What each clean YAML model's text can be re-read against; weak, so models are freed as before. */
const reparseBases = new WeakMap<Template, ReparseBase>();

/**
 * Document text → template model, or undefined when the text is not a template (quietly: a GitHub
 * workflow or a Kubernetes manifest is none of our business). Never throws: what cannot be read becomes
 * a problem with a position.
 */
export function loadTemplate(text: string, fileName: string, options: LoadOptions = {}): Template | undefined {
  const format = formatOf(fileName, text);
  const conventional = isConventionalTemplateName(fileName);

  if (text.length > LIMITS.maxTemplateBytes || looksBinary(text)) {
    if (!conventional) return undefined;
    return emptyTemplate(text, fileName, format, guessKind(fileName), tooBigOrBinary(text), options.resolution);
  }

  let parsed: ParseResult;
  let base: ReparseBase | undefined;
  try {
    if (format === 'json') parsed = parseJson(text);
    else ({ result: parsed, base } = readYaml(text, options.previous && reparseBases.get(options.previous)));
  } catch (error) {
    parsed = {
      root: undefined,
      problems: [
        {
          code: format === 'json' ? 'json-syntax' : 'yaml-syntax',
          severity: 'error',
          message: String(error),
          span: { start: 0, end: 0 },
        },
      ],
    };
  }
  const template = templateOfParsed(text, fileName, parsed, options);
  if (template && base) reparseBases.set(template, base);
  return template;
}

/**
 * The second half of `loadTemplate`: parsed text → template model. Separate so that trees no parser
 * can produce yet (thousands of levels deep) can be given to the model directly.
 */
export function templateOfParsed(
  text: string,
  fileName: string,
  parsedText: ParseResult,
  options: LoadOptions = {},
): Template | undefined {
  const format = formatOf(fileName, text);
  const conventional = isConventionalTemplateName(fileName);
  const parsed = withBoundedDepth(parsedText);
  const kind = detectKind(parsed.root);
  if (!kind) {
    if (!conventional) return undefined;
    const problems = [...parsed.problems];
    if (!problems.some((p) => p.severity === 'error')) {
      problems.push({
        code: 'template-structure',
        severity: 'error',
        span: { start: 0, end: Math.min(text.length, firstLineLength(text)) },
        message:
          'This file is named like a template but has neither AWSTemplateFormatVersion, Resources with AWS:: ' +
          'types, nor service and provider.',
      });
    }
    return emptyTemplate(text, fileName, format, guessKind(fileName), problems, options.resolution, parsed.root);
  }
  const root = parsed.root as MapNode;
  const base = { fileName, text, format, kind, lines: new LineIndex(text), root };
  try {
    return kind === 'serverless'
      ? buildServerless(base, parsed.problems, options)
      : buildCloudFormation(base, parsed.problems, options);
  } catch (error) {
    // A model bug must not take the editor down with it: keep what parsed and say what failed.
    return emptyTemplate(
      text,
      fileName,
      format,
      kind,
      [
        ...parsed.problems,
        {
          code: 'template-structure',
          severity: 'error',
          span: { start: 0, end: 0 },
          message: `Serverless Workbench could not build the model: ${(error as Error).message}`,
        },
      ],
      options.resolution,
      root,
    );
  }
}

export function formatOf(fileName: string, text: string): TemplateFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

function guessKind(fileName: string): TemplateKind {
  return /serverless\.(ya?ml|json)$/i.test(fileName) ? 'serverless' : 'cloudformation';
}

function firstLineLength(text: string): number {
  const nl = text.search(/\r?\n/);
  return nl < 0 ? text.length : nl;
}

/** NUL bytes or a high share of control characters: a binary file with a template's name. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function tooBigOrBinary(text: string): ParseProblem[] {
  const span = { start: 0, end: 0 };
  if (looksBinary(text)) {
    return [
      {
        code: 'not-text',
        severity: 'error',
        span,
        message: 'This file is not text (it contains binary data), so it cannot be a template.',
      },
    ];
  }
  const mb = (text.length / 1024 / 1024).toFixed(1);
  return [
    {
      code: 'template-too-large',
      severity: 'error',
      span,
      message:
        `This template is ${mb} MB; CloudFormation accepts at most 1 MB, so it was not analysed ` +
        `(limit ${LIMITS.maxTemplateBytes / 1024 / 1024} MB).`,
    },
  ];
}

function emptyTemplate(
  text: string,
  fileName: string,
  format: TemplateFormat,
  kind: TemplateKind,
  problems: readonly ParseProblem[],
  inputs: ResolutionInputs | undefined,
  root?: Node,
): Template {
  const sections = root?.kind === 'map' ? root : undefined;
  return {
    fileName,
    text,
    format,
    kind,
    lines: new LineIndex(text),
    root: root?.kind === 'map' ? root : undefined,
    problems,
    resources: [],
    resourceById: new Map(),
    parameters: [],
    conditions: [],
    mappings: [],
    outputs: [],
    globals: undefined,
    functions: [],
    resolver: createResolver({ sections, inputs, isResource: () => false }),
  };
}
