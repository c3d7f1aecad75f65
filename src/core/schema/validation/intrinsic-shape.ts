import type { IntrinsicNode, Node } from '../../model/nodes';
import { itemsOf, stringOf } from '../../model/nodes';

/** What an intrinsic function returns before its value is known: text, a number, a list, or unknown. */
export type Shape = 'text' | 'number' | 'list' | undefined;

/**
 * Functions whose result kind is fixed whatever their arguments
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
 * `Fn::GetAtt`, `Fn::Select`, `Fn::FindInMap` and `Fn::ImportValue` return what the attribute, the list, the
 * mapping or the export holds, so their kind is not known here.
 */
const FIXED_SHAPES: Readonly<Record<string, Shape>> = {
  'Fn::Sub': 'text',
  'Fn::Join': 'text',
  'Fn::Base64': 'text',
  'Fn::ToJsonString': 'text',
  'Fn::Split': 'list',
  'Fn::GetAZs': 'list',
  'Fn::Cidr': 'list',
  'Fn::Length': 'number',
};

/** Pseudo parameters that are lists (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html). */
const LIST_PSEUDO_PARAMETERS: ReadonlySet<string> = new Set(['AWS::NotificationARNs']);

/** What a `Ref` can name in the template being validated. */
export interface RefTargets {
  /** A parameter's `Type` (`String` when it has none), undefined when no parameter has this name. */
  parameterType(name: string): string | undefined;
  isResource(name: string): boolean;
}

/** The shape of what an intrinsic returns, from the function alone or, for `Ref`, from what it names. */
export function intrinsicShape(node: IntrinsicNode, targets: RefTargets): Shape {
  if (node.name !== 'Ref') return FIXED_SHAPES[node.name];
  const name = stringOf(node.argument);
  if (name === undefined) return undefined;
  if (name.startsWith('AWS::')) return LIST_PSEUDO_PARAMETERS.has(name) ? 'list' : 'text';
  const parameterType = targets.parameterType(name);
  if (parameterType !== undefined) return parameterShape(parameterType);
  // A resource's Ref is its physical ID or ARN, always text (the resource type reference's "Return values").
  return targets.isResource(name) ? 'text' : undefined;
}

/**
 * Parameter types (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html):
 * `Number`, lists (`List<...>`, `CommaDelimitedList`, and the SSM types that hold them), everything else text.
 */
function parameterShape(type: string): Shape {
  const held = /^AWS::SSM::Parameter::Value<(.*)>$/.exec(type)?.[1] ?? type;
  if (held === 'CommaDelimitedList' || held.startsWith('List<')) return 'list';
  if (held === 'Number') return 'number';
  return 'text';
}

/** `!Ref AWS::NoValue`: the key or list item is left out. */
export function isNoValue(node: Node): boolean {
  return node.kind === 'intrinsic' && node.name === 'Ref' && stringOf(node.argument) === 'AWS::NoValue';
}

/** The two values of a well-formed `Fn::If`, or undefined. */
export function ifBranches(node: Node): readonly [Node, Node] | undefined {
  if (node.kind !== 'intrinsic' || node.name !== 'Fn::If') return undefined;
  const args = itemsOf(node.argument);
  return args.length === 3 ? [args[1], args[2]] : undefined;
}

/** Whether a value may leave its key out (`AWS::NoValue`, directly or in a branch of `Fn::If`). */
export function mayBeAbsent(node: Node): boolean {
  if (isNoValue(node)) return true;
  const branches = ifBranches(node);
  return branches !== undefined && branches.some(mayBeAbsent);
}
