import type { IntrinsicNode, Node } from '../nodes';
import { entryOf, itemsOf, stringOf } from '../nodes';
import type { EvaluationContext, Inner } from './context';
import { attributeByName, refByName } from './reference-values';
import type { Evaluated, Known } from './types';
import { computed, isList, known, literalStep, shown, textOf, unknown } from './values';

/** The items of a function's list argument, or undefined when it is not a list of at least `count`. */
function argumentsOf(node: IntrinsicNode, count: number): readonly Node[] | undefined {
  const items = itemsOf(node.argument);
  return node.argument.kind === 'seq' && items.length >= count ? items : undefined;
}

function malformed(node: IntrinsicNode, shape: string): Evaluated {
  return unknown(`${node.name} needs ${shape}`, node.span);
}

/** The two evaluated arguments of `Fn::Join`, `Fn::Select`, `Fn::Split`, or what stops them being known. */
function pair(
  node: IntrinsicNode,
  inner: Inner,
  shape: string,
): { readonly first: Known; readonly second: Known } | Evaluated {
  const args = argumentsOf(node, 2);
  if (!args) return malformed(node, shape);
  const first = inner(args[0]);
  if (!first.known) return first;
  const second = inner(args[1]);
  return second.known ? { first, second } : second;
}

/**
 * `Fn::Sub`, with a string or `[string, {variables}]`: `${Name}` is a variable, a parameter, a pseudo parameter
 * or a resource; `${Res.Attr}` an attribute; `${!Literal}` stays `${Literal}`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html).
 */
export function sub(node: IntrinsicNode, ctx: EvaluationContext, inner: Inner): Evaluated {
  const [templateNode, variablesNode] = node.argument.kind === 'seq' ? itemsOf(node.argument) : [node.argument];
  const template = stringOf(templateNode);
  if (template === undefined || (variablesNode && variablesNode.kind !== 'map')) {
    return malformed(node, 'a string, or a list of a string and a map of variables');
  }
  const parts: Known[] = [];
  let out = '';
  let last = 0;
  const pattern = /\$\{([^}]*)\}/g;
  for (let m = pattern.exec(template); m; m = pattern.exec(template)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const expression = m[1];
    if (expression.startsWith('!')) {
      out += `\${${expression.slice(1)}}`;
      continue;
    }
    const name = expression.trim();
    const variable = entryOf(variablesNode, name);
    const value = variable
      ? inner(variable.value)
      : name.includes('.') && !name.startsWith('AWS::')
        ? attributeByName(name, node.span, ctx)
        : refByName(name, node.span, ctx);
    if (value.absent)
      return unknown(`\${${name}} in Fn::Sub is AWS::NoValue, which cannot be part of a text`, node.span);
    if (!value.known) return value;
    const text = textOf(value.value);
    if (text === undefined) return unknown(`\${${name}} in Fn::Sub is ${shown(value.value)}, not text`, node.span);
    out += text;
    parts.push(value);
  }
  out += template.slice(last);
  return parts.length === 0 ? known(out, [literalStep(templateNode)]) : computed(out, 'Fn::Sub', node.span, parts);
}

/** `Fn::Join [delimiter, [items]]`. */
export function join(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const args = pair(node, inner, 'a delimiter and a list');
  if (!('first' in args)) return args;
  const { first: delimiter, second: list } = args;
  const separator = textOf(delimiter.value);
  if (separator === undefined || !isList(list.value)) return malformed(node, 'a delimiter and a list');
  const texts = list.value.map(textOf);
  if (texts.some((t) => t === undefined))
    return unknown(`Fn::Join needs text items, not ${shown(list.value)}`, node.span);
  return computed(texts.join(separator), 'Fn::Join', node.span, [delimiter, list]);
}

/** `Fn::Select [index, list]`. */
export function select(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const args = pair(node, inner, 'an index and a list');
  if (!('first' in args)) return args;
  const { first: index, second: list } = args;
  const at = Number(textOf(index.value));
  if (!isList(list.value) || !Number.isInteger(at)) return malformed(node, 'an index and a list');
  if (at < 0 || at >= list.value.length) {
    return unknown(`Fn::Select index ${at} is outside the list of ${list.value.length} items`, node.span);
  }
  return computed(list.value[at], 'Fn::Select', node.span, [index, list]);
}

/** `Fn::Split [delimiter, text]`. */
export function split(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const args = pair(node, inner, 'a delimiter and a text');
  if (!('first' in args)) return args;
  const { first: delimiter, second: source } = args;
  const separator = textOf(delimiter.value);
  const text = textOf(source.value);
  if (!separator || text === undefined) return malformed(node, 'a delimiter and a text');
  return computed(text.split(separator), 'Fn::Split', node.span, [delimiter, source]);
}

/** `Fn::Length list` (AWS::LanguageExtensions). */
export function length(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const list = inner(node.argument);
  if (!list.known) return list;
  if (!isList(list.value)) return malformed(node, 'a list');
  return computed(list.value.length, 'Fn::Length', node.span, [list]);
}

/** `Fn::ToJsonString` (AWS::LanguageExtensions): the value as compact JSON. */
export function toJsonString(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const value = inner(node.argument);
  if (!value.known) return value;
  return computed(JSON.stringify(value.value), 'Fn::ToJsonString', node.span, [value]);
}

/** `Fn::Base64 text`. */
export function base64(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const value = inner(node.argument);
  if (!value.known) return value;
  const text = textOf(value.value);
  if (text === undefined) return malformed(node, 'a text');
  return computed(Buffer.from(text, 'utf8').toString('base64'), 'Fn::Base64', node.span, [value]);
}

export function getAZs(node: IntrinsicNode): Evaluated {
  return unknown("Fn::GetAZs lists the Region's Availability Zones, which AWS answers at deploy time", node.span);
}

export function importValue(node: IntrinsicNode): Evaluated {
  return unknown("Fn::ImportValue reads another stack's export at deploy time", node.span);
}

export function cidr(node: IntrinsicNode): Evaluated {
  return unknown('Fn::Cidr address blocks are not worked out before deploying', node.span);
}
