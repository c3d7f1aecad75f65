import { LIMITS } from '../limits';
import type { IntrinsicNode, Node } from '../nodes';
import { condition, equals, fnAnd, fnIf, fnNot, fnOr } from './conditions';
import type { EvaluationContext, Inner } from './context';
import { findInMap } from './mappings';
import { getAtt, ref } from './reference-values';
import { base64, cidr, getAZs, importValue, join, length, select, split, sub, toJsonString } from './text';
import type { Evaluated, Known, PlainValue } from './types';
import { known, literalStep, stepsOf, unknown } from './values';

type Handler = (node: IntrinsicNode, ctx: EvaluationContext, inner: Inner) => Evaluated;

/**
 * The intrinsic functions CloudFormation evaluates, with the AWS::LanguageExtensions ones
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
 */
const HANDLERS: Readonly<Record<string, Handler>> = {
  Ref: ref,
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::Length': length,
  'Fn::ToJsonString': toJsonString,
  'Fn::Base64': base64,
  'Fn::FindInMap': findInMap,
  'Fn::If': fnIf,
  Condition: condition,
  'Fn::Equals': equals,
  'Fn::And': fnAnd,
  'Fn::Or': fnOr,
  'Fn::Not': fnNot,
  'Fn::GetAZs': getAZs,
  'Fn::ImportValue': importValue,
  'Fn::Cidr': cidr,
};

/**
 * What a template expression evaluates to before deploying, with the steps that produced it, or why it
 * cannot be known. Lists and maps drop what evaluates to `AWS::NoValue`, as CloudFormation does; a list or
 * map with an unknown part is unknown as a whole (evaluate the part you need instead). Never throws and
 * never recurses deeper than `LIMITS.maxEvaluationDepth`.
 */
export function evaluate(node: Node, ctx: EvaluationContext): Evaluated {
  return evaluateAt(node, ctx, 0);
}

function evaluateAt(node: Node, ctx: EvaluationContext, depth: number): Evaluated {
  if (depth > LIMITS.maxEvaluationDepth) {
    return unknown(
      `the expression nests more than ${LIMITS.maxEvaluationDepth} levels deep here, so it was not evaluated`,
      node.span,
    );
  }
  if (node.kind === 'scalar') return known(node.value, ctx.originOf?.(node) ?? [literalStep(node)]);
  const inner: Inner = (child) => evaluateAt(child, ctx, depth + 1);
  switch (node.kind) {
    case 'seq': {
      const items: PlainValue[] = [];
      const parts: Known[] = [];
      for (const item of node.items) {
        const value = inner(item);
        if (value.absent) continue;
        if (!value.known) return value;
        items.push(value.value);
        parts.push(value);
      }
      return known(items, stepsOf(parts, [literalStep(node)]));
    }
    case 'map': {
      const out: Record<string, PlainValue> = {};
      const parts: Known[] = [];
      for (const entry of node.entries) {
        const value = inner(entry.value);
        if (value.absent) continue;
        if (!value.known) return value;
        out[entry.key] = value.value;
        parts.push(value);
      }
      return known(out, stepsOf(parts, [literalStep(node)]));
    }
    case 'intrinsic': {
      const handler = HANDLERS[node.name];
      if (handler) return handler(node, ctx, inner);
      return unknown(notEvaluated(node.name), node.span);
    }
  }
}

function notEvaluated(name: string): string {
  if (name === 'Fn::Transform') return 'Fn::Transform runs a macro at deploy time';
  if (name === 'Fn::ForEach')
    return 'Fn::ForEach is expanded by the AWS::LanguageExtensions transform, not evaluated as a value';
  return name.startsWith('!')
    ? `${name} is not a CloudFormation function`
    : `${name} cannot be evaluated before deploying`;
}
