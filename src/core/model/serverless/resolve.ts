import type { MapEntry, MapNode, Node, ScalarNode, Span } from '../nodes';
import { openingOf, withoutDeepValues } from '../depth';
import { LIMITS } from '../limits';
import { entryOf, syntheticScalar } from '../nodes';
import { step } from '../resolve/values';
import type { ParseProblem } from '../parse-result';
import { isUnreadable, type ReadFile } from '../file-read';
import { parseJson } from '../parse-json';
import { parseYaml } from '../parse-yaml';
import type { Provenance, ResolutionInputs } from '../resolve/types';
import type { Template, VariableExpression, VariableSource } from './variable-syntax';
import { expressionText, mayContainVariable, parseTemplate, VariableSyntaxError } from './variable-syntax';

/** A `${...}` left as written: its value only exists in AWS, on the command line or in a plugin. */
export interface UnresolvedVariable {
  readonly expression: string;
  readonly span: Span;
  /** The source type (`ssm`, `cf`, `opt`, `env`, ...). */
  readonly source: string;
  /** Why it was not resolved, in words a user understands. */
  readonly reason: string;
}

export interface ResolveInput {
  readonly text: string;
  readonly root: MapNode;
  readonly readFile?: ReadFile;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The stage (`--stage`), Region and `--param` values chosen outside the file. */
  readonly resolution?: ResolutionInputs;
  readonly problems: ParseProblem[];
}

export interface ResolveResult {
  readonly root: MapNode;
  readonly unresolved: readonly UnresolvedVariable[];
  /** Where the values of resolved stage, option and `param:` variables came from, by the scalar that holds them. */
  readonly origins: ReadonlyMap<Node, readonly Provenance[]>;
  /** The stage the variables were resolved for: `--stage`, else `provider.stage`, else `dev`. */
  readonly stage: string;
}

/**
 * Nested resolutions deeper than this are a runaway (a file that includes itself under another name,
 * a chain of references no one writes by hand); the framework itself has no such limit and would hang.
 */
export const MAX_VARIABLE_DEPTH = 50;

/** The framework's stage and region when neither the command line nor `provider` sets them. */
export const DEFAULT_STAGE = 'dev';
export const DEFAULT_REGION = 'us-east-1';

/** Sources whose values live in AWS or in the deploy run: shown as written, never fetched. */
const EXTERNAL_SOURCES: Readonly<Record<string, string>> = {
  ssm: 'its value is read from SSM Parameter Store at deploy time',
  cf: 'its value is a CloudFormation stack output read at deploy time',
  s3: 'its value is an S3 object read at deploy time',
  secretsmanager: 'its value is read from Secrets Manager at deploy time',
  dashboard: 'its value is a Serverless Dashboard parameter',
};

type Outcome =
  | { readonly kind: 'value'; readonly node: Node }
  | { readonly kind: 'missing'; readonly reason: string; readonly dependsOnRun: boolean }
  | { readonly kind: 'unresolved'; readonly reason: string }
  | { readonly kind: 'failed' };

const FAILED: Outcome = { kind: 'failed' };

const KIND_WORDS: Readonly<Record<Node['kind'], string>> = {
  scalar: 'a value',
  map: 'a map',
  seq: 'a list',
  intrinsic: 'an intrinsic function',
};

/**
 * Resolves the variables of a serverless.yml the way the framework would, as far as it can without
 * AWS: `self`, `sls:stage`, `opt` and `env` (falling back to their defaults), `file(...)`, `strToBool`.
 * Whole-value references keep the referenced type (a map stays a map); references inside text are
 * interpolated. Cycles and runaway depth end with a problem, never a hang.
 */
export function resolveVariables(input: ResolveInput): ResolveResult {
  const resolver = new Resolver(input);
  const root = resolver.resolve(input.root) as MapNode;
  return { root, unresolved: resolver.unresolved, origins: resolver.origins, stage: resolver.stage() };
}

class Resolver {
  readonly unresolved: UnresolvedVariable[] = [];
  readonly origins = new Map<Node, Provenance[]>();
  private readonly memo = new Map<Node, Node>();
  private readonly templates = new Map<string, Template | VariableSyntaxError>();
  /** Scalars being resolved, innermost last, to name a cycle when one closes. */
  private readonly active: ScalarNode[] = [];
  private readonly reportedCycles = new Set<Node>();
  private readonly files = new Map<string, Node | null | 'unparsable'>();
  private readonly fileStack: string[] = [];
  private readonly imports = new Map<string, Node>();
  private depth = 0;
  private depthReported = false;
  /**
   * Maps and lists being resolved, counted across the references between them: each value is at most
   * `LIMITS.maxNestingDepth` deep, but a reference at the bottom of one to the top of another stacks them.
   */
  private nesting = 0;
  private nestingReported = false;

  constructor(private readonly input: ResolveInput) {}

  resolve(node: Node): Node {
    // Most of a document is plain scalars: answer them before touching the memo.
    if (node.kind === 'scalar' && !(typeof node.value === 'string' && mayContainVariable(node.value))) return node;
    const known = this.memo.get(node);
    if (known) return known;
    if (node.kind !== 'scalar' && this.nesting >= LIMITS.maxNestingDepth) {
      if (!this.nestingReported) {
        this.nestingReported = true;
        this.problem(
          openingOf(node),
          `Values and the variables between them nest more than ${LIMITS.maxNestingDepth} levels deep here; ` +
            `resolution stopped.`,
        );
      }
      return node;
    }
    if (node.kind !== 'scalar') this.nesting++;
    let resolved: Node;
    try {
      resolved = this.resolveUncached(node);
    } finally {
      if (node.kind !== 'scalar') this.nesting--;
    }
    // Unchanged containers are not remembered: re-walking one is cheaper than a map entry per node.
    if (resolved !== node || node.kind === 'scalar') this.memo.set(node, resolved);
    return resolved;
  }

  private resolveUncached(node: Node): Node {
    switch (node.kind) {
      case 'scalar':
        return typeof node.value === 'string' && mayContainVariable(node.value)
          ? this.resolveString(node, node.value)
          : node;
      case 'map': {
        // Copied only from the first entry that changes: unchanged subtrees keep their identity.
        let entries: MapEntry[] | undefined;
        node.entries.forEach((e, k) => {
          const key = mayContainVariable(e.key) ? this.resolveKey(e) : e.key;
          const value = this.resolve(e.value);
          if (value !== e.value || key !== e.key)
            (entries ??= node.entries.slice(0, k)).push({ key, keySpan: e.keySpan, value });
          else entries?.push(e);
        });
        return entries ? { ...node, entries } : node;
      }
      case 'seq': {
        let items: Node[] | undefined;
        node.items.forEach((item, k) => {
          const value = this.resolve(item);
          if (value !== item) (items ??= node.items.slice(0, k)).push(value);
          else items?.push(item);
        });
        return items ? { ...node, items } : node;
      }
      case 'intrinsic': {
        const argument = this.resolve(node.argument);
        return argument === node.argument ? node : { ...node, argument };
      }
    }
  }

  /** A key with variables (a function key or logical ID with `${sls:stage}`) resolved to text. */
  private resolveKey(entry: MapEntry): string {
    const resolved = this.resolve(syntheticScalar(entry.key, entry.keySpan));
    return resolved.kind === 'scalar' && resolved.value !== null ? String(resolved.value) : entry.key;
  }

  private resolveString(site: ScalarNode, value: string): Node {
    if (this.active.includes(site)) {
      this.reportCycle(site, value);
      return site;
    }
    const template = this.parsed(value);
    if (template instanceof VariableSyntaxError) {
      this.problem(
        this.spanAt(site, value, template.index, template.index + 1),
        `Variable syntax: ${template.message}`,
      );
      return site;
    }
    if (!template.some((p) => typeof p !== 'string')) return site;
    this.active.push(site);
    try {
      if (template.length === 1) {
        const result = this.evaluate(template[0] as VariableExpression, site, value);
        if (!result) return site;
        // A scalar takes the place of the reference; maps and lists keep their own lines.
        return result.kind === 'scalar' ? this.carried(syntheticScalar(result.value, site.span), [result]) : result;
      }
      const parts: Node[] = [];
      const text = this.interpolate(template, site, value, parts);
      return text === undefined || text === value ? site : this.carried(syntheticScalar(text, site.span), parts);
    } finally {
      this.active.pop();
    }
  }

  /** The same text (`${self:custom.table}` in every function) is parsed once. */
  private parsed(value: string): Template | VariableSyntaxError {
    let template = this.templates.get(value);
    if (!template) {
      try {
        template = parseTemplate(value);
      } catch (error) {
        if (!(error instanceof VariableSyntaxError)) throw error;
        template = error;
      }
      this.templates.set(value, template);
    }
    return template;
  }

  /** Text with each variable replaced by its value; unresolved ones stay as written. */
  private interpolate(template: Template, site: ScalarNode, value: string, parts: Node[]): string | undefined {
    let out = '';
    for (const part of template) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const written = expressionText(value, part);
      const result = this.evaluate(part, site, value);
      if (result) parts.push(result);
      if (!result) out += written;
      else if (result.kind === 'scalar') out += result.value === null ? 'null' : String(result.value);
      else {
        this.problem(
          this.spanOfExpression(site, value, part),
          `${written} is ${KIND_WORDS[result.kind]} and cannot be part of a text value.`,
        );
        out += written;
      }
    }
    return out;
  }

  private evaluate(expression: VariableExpression, site: ScalarNode, value: string): Node | undefined {
    if (this.depth >= MAX_VARIABLE_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.problem(
          this.spanOfExpression(site, value, expression),
          `Variables nest more than ${MAX_VARIABLE_DEPTH} levels deep here; resolution stopped.`,
        );
      }
      return undefined;
    }
    this.depth++;
    try {
      const missing: string[] = [];
      let dependsOnRun = false;
      for (const source of expression.sources) {
        const outcome = this.fromSource(source, site, value);
        if (outcome.kind === 'value') {
          if (outcome.node.kind === 'scalar' && outcome.node.value === null && source.kind === 'reference') {
            missing.push(`${source.type} has the value null`);
            continue;
          }
          return outcome.node;
        }
        if (outcome.kind === 'failed') return undefined;
        if (outcome.kind === 'unresolved') {
          this.recordUnresolved(site, value, expression, source, outcome.reason);
          return undefined;
        }
        missing.push(outcome.reason);
        dependsOnRun ||= outcome.dependsOnRun;
      }
      const written = expressionText(value, expression);
      if (dependsOnRun) {
        const first = expression.sources[0];
        this.recordUnresolved(site, value, expression, first, missing.join('; '));
      } else {
        this.problem(this.spanOfExpression(site, value, expression), `${written} has no value: ${missing.join('; ')}.`);
      }
      return undefined;
    } finally {
      this.depth--;
    }
  }

  private fromSource(source: VariableSource, site: ScalarNode, value: string): Outcome {
    if (source.kind === 'literal') return { kind: 'value', node: syntheticScalar(source.value, site.span) };
    switch (source.type) {
      case 'self': {
        const address = this.text(source.address ?? [], site, value);
        if (address === undefined) return FAILED;
        const path = address === '' ? [] : address.split('.');
        const found = this.navigate(this.input.root, path);
        return found
          ? { kind: 'value', node: found }
          : { kind: 'missing', reason: `self:${address} is not set`, dependsOnRun: false };
      }
      case 'sls': {
        const address = this.text(source.address ?? [], site, value);
        if (address === 'stage') return { kind: 'value', node: this.stageNode(site.span) };
        if (address === 'instanceId') return { kind: 'unresolved', reason: 'it changes on every deploy' };
        return {
          kind: 'missing',
          reason: `sls:${address ?? ''} is not a framework value (stage or instanceId)`,
          dependsOnRun: false,
        };
      }
      case 'aws': {
        const address = this.text(source.address ?? [], site, value);
        if (address === 'accountId')
          return { kind: 'unresolved', reason: 'it is the deploying account, read from AWS at deploy time' };
        // The framework answers region from the configuration, without asking AWS.
        if (address === 'region') return { kind: 'value', node: syntheticScalar(this.region(), site.span) };
        return {
          kind: 'missing',
          reason: `the framework's aws source has only accountId and region, not "${address ?? ''}"`,
          dependsOnRun: false,
        };
      }
      case 'opt': {
        const address = this.text(source.address ?? [], site, value) ?? '';
        const given =
          address === 'stage'
            ? this.input.resolution?.stage
            : address === 'region'
              ? this.input.resolution?.region
              : undefined;
        if (given)
          return {
            kind: 'value',
            node: this.tagged(
              given.value,
              site.span,
              step('override', `${address} ${given.value} from ${given.origin}`),
            ),
          };
        return { kind: 'missing', reason: `it needs the --${address} option on the command line`, dependsOnRun: true };
      }
      case 'param':
        return this.fromParams(source, site, value);
      case 'env': {
        const name = this.text(source.address ?? [], site, value);
        if (name === undefined) return FAILED;
        const found = this.input.env?.[name];
        return found === undefined
          ? { kind: 'missing', reason: `it needs the environment variable ${name}`, dependsOnRun: true }
          : { kind: 'value', node: syntheticScalar(found, site.span) };
      }
      case 'file':
        return this.fromFile(source, site, value);
      case 'strToBool': {
        const param = source.params[0] ? this.text(source.params[0], site, value) : undefined;
        if (param === undefined) return FAILED;
        const normalized = param.trim().toLowerCase();
        if (normalized === 'true' || normalized === '1')
          return { kind: 'value', node: syntheticScalar(true, site.span) };
        if (normalized === 'false' || normalized === '0')
          return { kind: 'value', node: syntheticScalar(false, site.span) };
        return {
          kind: 'missing',
          reason: `strToBool accepts true, false, 1 or 0, not "${param}"`,
          dependsOnRun: false,
        };
      }
      default:
        return {
          kind: 'unresolved',
          reason:
            EXTERNAL_SOURCES[source.type] ??
            `"${source.type}" is not a built-in variable source (a plugin may provide it)`,
        };
    }
  }

  /**
   * `${param:name}`: a `--param` value given outside the file, else `params.<stage>.name`, else
   * `params.default.name` in serverless.yml (https://www.serverless.com/framework/docs/guides/parameters);
   * otherwise it may live in the Serverless Dashboard, which is not asked.
   */
  private fromParams(source: Extract<VariableSource, { kind: 'reference' }>, site: ScalarNode, value: string): Outcome {
    const name = this.text(source.address ?? [], site, value);
    if (name === undefined) return FAILED;
    const given = this.input.resolution?.parameters?.[name];
    if (given)
      return {
        kind: 'value',
        node: this.tagged(given.value, site.span, step('override', `param ${name} from ${given.origin}`)),
      };
    for (const stage of [this.stage(), 'default']) {
      const found = this.navigate(this.input.root, ['params', stage, name]);
      if (found?.kind === 'scalar')
        return {
          kind: 'value',
          node: this.tagged(found.value, site.span, step('parameter-default', `params.${stage}.${name}`, found.span)),
        };
      if (found) return { kind: 'value', node: found };
    }
    return {
      kind: 'unresolved',
      reason:
        `params.${this.stage()}.${name} and params.default.${name} are not set, so its value would come from the ` +
        `Serverless Dashboard or --param`,
    };
  }

  /** A scalar the resolver made, with where it came from. */
  private tagged(value: string | number | boolean | null, span: Span, origin: Provenance): ScalarNode {
    const node = syntheticScalar(value, span);
    this.origins.set(node, [origin]);
    return node;
  }

  /** A scalar made from resolved parts keeps their origins. */
  private carried(node: ScalarNode, parts: readonly Node[]): ScalarNode {
    const steps = parts.flatMap((p) => this.origins.get(p) ?? []);
    if (steps.length > 0) this.origins.set(node, steps);
    return node;
  }

  private fromFile(source: Extract<VariableSource, { kind: 'reference' }>, site: ScalarNode, value: string): Outcome {
    const path = source.params[0] ? this.text(source.params[0], site, value) : undefined;
    if (path === undefined) {
      if (!source.params[0]) this.problem(site.span, 'file(...) needs a path, as in ${file(./config.yml)}.');
      return FAILED;
    }
    if (/\.(c|m)?[jt]s$/i.test(path))
      return { kind: 'unresolved', reason: 'JavaScript and TypeScript files are not run by the editor' };
    if (!this.input.readFile) return { kind: 'unresolved', reason: 'files cannot be read here' };
    const content = this.fileContent(path, site);
    if (content === 'unparsable') return FAILED;
    if (content === null) return { kind: 'missing', reason: `the file ${path} does not exist`, dependsOnRun: false };
    if (this.fileStack.includes(path)) {
      this.problem(site.span, `The file ${path} includes itself through ${[...this.fileStack, path].join(' → ')}.`);
      return FAILED;
    }
    const address = source.address ? this.text(source.address, site, value) : '';
    if (address === undefined) return FAILED;
    const target = address === '' ? content : navigateRaw(content, address.split('.'));
    if (!target) return { kind: 'missing', reason: `${address} is not set in ${path}`, dependsOnRun: false };
    // The same import at the same place gives the same value: files that include one another several
    // times would otherwise grow exponentially.
    const key = `${path}\0${address}\0${site.span.start}:${site.span.end}`;
    const imported = this.imports.get(key);
    if (imported) return { kind: 'value', node: imported };
    // Spans of another file mean nothing in this one: the imported value points at the reference.
    const local = respan(target, site.span);
    this.fileStack.push(path);
    try {
      const node = this.resolve(local);
      this.imports.set(key, node);
      return { kind: 'value', node };
    } finally {
      this.fileStack.pop();
    }
  }

  private fileContent(path: string, site: ScalarNode): Node | null | 'unparsable' {
    const cached = this.files.get(path);
    if (cached !== undefined) return cached;
    let parsed: Node | null | 'unparsable' = null;
    const text = this.input.readFile?.(path);
    if (isUnreadable(text)) {
      // A device, a FIFO, a folder or a huge file: never read, said where it is asked for.
      this.problem(site.span, `The file ${path} is not read: ${text.unreadable}.`);
      parsed = 'unparsable';
    } else if (text !== undefined) {
      if (/\.(ya?ml)$/i.test(path) || /\.(json|tfstate)$/i.test(path)) {
        const result = /\.ya?ml$/i.test(path) ? parseYaml(text) : parseJson(text);
        const error = result.problems.find((p) => p.severity === 'error');
        if (error || !result.root) {
          this.problem(site.span, `The file ${path} cannot be read: ${error?.message ?? 'it is empty'}.`);
          parsed = 'unparsable';
        } else {
          const { bounded, cuts } = withoutDeepValues(result.root);
          if (cuts.length > 0) {
            this.problem(
              site.span,
              `The file ${path} nests values more than ${LIMITS.maxNestingDepth} levels deep; what lies deeper ` +
                `is not read.`,
            );
          }
          parsed = bounded;
        }
      } else parsed = syntheticScalar(text, site.span);
    }
    this.files.set(path, parsed);
    return parsed;
  }

  /** Walks a path through this document, resolving only what lies on the way (so siblings cannot form false cycles). */
  private navigate(start: Node, path: readonly string[]): Node | undefined {
    let current = start;
    for (const key of path) {
      const here = current.kind === 'scalar' ? this.resolve(current) : current;
      const next = childOf(here, key);
      if (!next) return undefined;
      current = next;
    }
    return this.resolve(current);
  }

  stage(): string {
    return this.input.resolution?.stage?.value ?? this.providerText('stage') ?? DEFAULT_STAGE;
  }

  /** `${sls:stage}`: the stage, saying where it was chosen. */
  private stageNode(span: Span): ScalarNode {
    const given = this.input.resolution?.stage;
    if (given) return this.tagged(given.value, span, step('override', `stage ${given.value} from ${given.origin}`));
    const written = this.providerText('stage');
    return written !== undefined
      ? this.tagged(written, span, step('provider', `stage ${written} from provider.stage`))
      : this.tagged(DEFAULT_STAGE, span, step('default', `the framework's default stage ${DEFAULT_STAGE}`));
  }

  private region(): string {
    return this.input.resolution?.region?.value ?? this.providerText('region') ?? DEFAULT_REGION;
  }

  private providerText(key: string): string | undefined {
    const found = this.navigate(this.input.root, ['provider', key]);
    return found?.kind === 'scalar' && typeof found.value === 'string' && !mayContainVariable(found.value)
      ? found.value
      : undefined;
  }

  /** An address or parameter as text; nested variables must resolve to text for it to exist. */
  private text(template: Template, site: ScalarNode, value: string): string | undefined {
    let out = '';
    for (const part of template) {
      if (typeof part === 'string') out += part;
      else {
        const result = this.evaluate(part, site, value);
        if (result?.kind !== 'scalar') return undefined;
        out += String(result.value);
      }
    }
    return out;
  }

  private reportCycle(site: ScalarNode, value: string): void {
    if (this.reportedCycles.has(site)) return;
    this.reportedCycles.add(site);
    const from = this.active.indexOf(site);
    const chain = this.active.slice(from).map((n) => String(n.value));
    this.problem(site.span, `This variable refers back to itself: ${[...chain, value].join(' → ')}.`);
  }

  private recordUnresolved(
    site: ScalarNode,
    value: string,
    expression: VariableExpression,
    source: VariableSource,
    reason: string,
  ): void {
    this.unresolved.push({
      expression: expressionText(value, expression),
      span: this.spanOfExpression(site, value, expression),
      source: source.kind === 'reference' ? source.type : 'literal',
      reason,
    });
  }

  private spanOfExpression(site: ScalarNode, value: string, expression: VariableExpression): Span {
    return this.spanAt(site, value, expression.start, expression.end);
  }

  /**
   * Offsets in a scalar's value → offsets in the document. Plain and simply quoted scalars map one to
   * one; otherwise (escapes, folded text, imported values) the expression is searched for inside the
   * scalar, and the whole scalar is the answer when that fails.
   */
  private spanAt(site: ScalarNode, value: string, start: number, end: number): Span {
    const { text } = this.input;
    const written = text.slice(site.span.start, site.span.end);
    const quoteOffset = written === value ? 0 : written.slice(1, -1) === value ? 1 : -1;
    if (quoteOffset >= 0)
      return { start: site.span.start + quoteOffset + start, end: site.span.start + quoteOffset + end };
    const at = written.indexOf(value.slice(start, end));
    return at >= 0 && end > start
      ? { start: site.span.start + at, end: site.span.start + at + (end - start) }
      : site.span;
  }

  private problem(span: Span, message: string): void {
    this.input.problems.push({ code: 'serverless-variable', severity: 'warning', span, message });
  }
}

function childOf(node: Node, key: string): Node | undefined {
  if (node.kind === 'map') return entryOf(node, key)?.value;
  if (node.kind === 'seq' && /^\d+$/.test(key)) return node.items[Number(key)];
  return undefined;
}

function navigateRaw(node: Node, path: readonly string[]): Node | undefined {
  let current: Node | undefined = node;
  for (const key of path) current = current && childOf(current, key);
  return current;
}

/** A copy of a tree with every span set to one place. */
function respan(node: Node, span: Span): Node {
  switch (node.kind) {
    case 'scalar':
      return { ...node, span };
    case 'map':
      return {
        ...node,
        span,
        entries: node.entries.map((e) => ({ key: e.key, keySpan: span, value: respan(e.value, span) })),
      };
    case 'seq':
      return { ...node, span, items: node.items.map((i) => respan(i, span)) };
    case 'intrinsic':
      return { ...node, span, nameSpan: span, argument: respan(node.argument, span) };
  }
}
