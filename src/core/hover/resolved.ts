import type { IntrinsicNode, Node, Span } from '../model/nodes';
import { stringOf, valueOf } from '../model/nodes';
import { describeProvenance, formatSetting } from '../model/resolve/describe';
import type { Evaluated } from '../model/resolve/types';
import type { FunctionView, Setting, Template } from '../model/template';

/**
 * What hovers say about values: the resolved value of a function setting written as an intrinsic or inherited,
 * a parameter's value with where it comes from, a condition's value. The words come from the model's
 * `describeProvenance`, so the hover, the tree and the cost say the same thing.
 */

/** Settings a hover explains, with the unit their value is shown in. */
const SETTINGS: readonly {
  readonly label: string;
  readonly unit?: string;
  readonly read: (fn: FunctionView) => Setting<unknown> | undefined;
}[] = [
  { label: 'Runtime', read: (fn) => fn.runtime },
  { label: 'Handler', read: (fn) => fn.handler },
  { label: 'Memory', unit: 'MB', read: (fn) => fn.memorySize },
  { label: 'Timeout', unit: 's', read: (fn) => fn.timeout },
  { label: 'Architecture', read: (fn) => fn.architecture },
  { label: 'Ephemeral storage', unit: 'MB', read: (fn) => fn.ephemeralStorage },
  { label: 'Function name', read: (fn) => fn.functionName },
  { label: 'Reserved concurrency', read: (fn) => fn.reservedConcurrency },
  { label: 'Provisioned concurrency', read: (fn) => fn.provisionedConcurrency },
];

/**
 * "**Memory** of `Api`: 1024 MB — Default of parameter Mem" for the value written at `node`. A value in Globals or
 * a provider is inherited by several functions: one paragraph names them all ("of `Api`, `Worker`") when they
 * resolve it alike. Values written as plain scalars in the function need no hover: their text is the value.
 */
export function settingHover(template: Template, node: Node): string | undefined {
  const paragraphs = new Map<string, { label: string; names: string[] }>();
  for (const fn of template.functions) {
    for (const s of SETTINGS) {
      const setting = s.read(fn);
      if (!setting?.node || !sameSpan(setting.node.span, node.span)) continue;
      if (
        setting.source === 'resource' &&
        node.kind === 'scalar' &&
        setting.provenance.every((p) => p.origin === 'literal')
      )
        continue;
      const value = formatSetting(setting, s.unit);
      const key = `${s.label}\u0000${value}`;
      const paragraph = paragraphs.get(key) ?? paragraphs.set(key, { label: s.label, names: [] }).get(key)!;
      paragraph.names.push(`\`${fn.displayName}\``);
    }
  }
  const lines = [...paragraphs].map(
    ([key, p]) => `**${p.label}** of ${p.names.join(', ')}: ${key.slice(key.indexOf('\u0000') + 1)}`,
  );
  return lines.length > 0 ? lines.join('\n\n') : undefined;
}

/** A parameter's value with where it comes from: a value given outside the template, its Default, or neither. */
export function parameterValueLine(template: Template, name: string, at: IntrinsicNode | undefined): string {
  const evaluated = at?.name === 'Ref' && stringOf(at.argument) === name ? template.resolver.evaluate(at) : undefined;
  if (evaluated) return valueLine(evaluated);
  const given = template.resolver.inputs.parameters?.[name];
  if (given) return `Value: \`${given.value}\` — from ${given.origin} (wins over the Default)`;
  const parameter = template.parameters.find((p) => p.name === name);
  const fallback = stringOf(valueOf(parameter?.value, 'Default'));
  return fallback !== undefined
    ? `Value: \`${fallback}\` — its Default (no value given outside the template)`
    : 'Value: unknown — no Default and no value given';
}

/** "Value: `true` — Default of parameter Stage", or why a condition cannot be decided before deploying. */
export function conditionValueLine(template: Template, name: string): string {
  const decided = template.resolver.condition(name);
  if (decided.value === undefined) return `Value: unknown — ${decided.reason}`;
  const how = decided.provenance
    .filter((p) => p.origin !== 'computed' && p.origin !== 'literal')
    .map((p) => p.description);
  return `Value: \`${decided.value}\`${how.length > 0 ? ` — ${how.join(', ')}` : ' — as written'}`;
}

/** The value an intrinsic (`!If`, `!FindInMap`, `!Sub`, ...) evaluates to, with its provenance. */
export function intrinsicHover(template: Template, node: IntrinsicNode): string {
  return `**${node.name.replace(/^!/, '')}** ${valueLine(template.resolver.evaluate(node))}`;
}

function valueLine(evaluated: Evaluated): string {
  if (!evaluated.known)
    return evaluated.absent
      ? `leaves the property out — ${describeProvenance(evaluated)}`
      : `Value: unknown — ${evaluated.reason}`;
  const shown = typeof evaluated.value === 'string' ? evaluated.value : JSON.stringify(evaluated.value);
  return `Value: \`${shown}\` — ${describeProvenance(evaluated)}`;
}

/** The innermost intrinsic whose text holds `offset`, found without recursion. */
export function intrinsicAt(root: Node | undefined, offset: number): IntrinsicNode | undefined {
  let found: IntrinsicNode | undefined;
  let node: Node | undefined = root;
  while (node) {
    if (node.kind === 'intrinsic') {
      found = node;
      node = node.argument.span.start <= offset && offset <= node.argument.span.end ? node.argument : undefined;
    } else if (node.kind === 'seq') {
      node = node.items.find((i) => i.span.start <= offset && offset <= i.span.end);
    } else if (node.kind === 'map') {
      node = node.entries.find((e) => e.value.span.start <= offset && offset <= e.value.span.end)?.value;
    } else {
      node = undefined;
    }
  }
  return found;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
