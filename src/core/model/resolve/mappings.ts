import type { IntrinsicNode } from '../nodes';
import { entryOf, itemsOf } from '../nodes';
import type { EvaluationContext, Inner } from './context';
import type { Evaluated, Known } from './types';
import { bounded, known, step, stepsOf, textOf, unknown } from './values';

/**
 * `Fn::FindInMap [Map, TopKey, SecondKey]`, with the AWS::LanguageExtensions `{DefaultValue: ...}` used when
 * the keys are not in the map
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap.html).
 */
export function findInMap(node: IntrinsicNode, ctx: EvaluationContext, inner: Inner): Evaluated {
  const args = itemsOf(node.argument);
  if (node.argument.kind !== 'seq' || args.length < 3)
    return unknown('Fn::FindInMap needs a map name, a top-level key and a second-level key', node.span);
  const keys: Known[] = [];
  const names: string[] = [];
  for (const arg of args.slice(0, 3)) {
    const key = inner(arg);
    if (!key.known) return key;
    const text = textOf(key.value);
    if (text === undefined) return unknown('Fn::FindInMap keys must be text', arg.span);
    keys.push(key);
    names.push(text);
  }
  const [mapName, top, second] = names;
  const path = `${mapName}.${top}.${second}`;
  const found = entryOf(entryOf(entryOf(ctx.mappings, mapName)?.value, top)?.value, second);
  if (found) {
    const value = inner(found.value);
    if (!value.known) return value;
    return known(
      value.value,
      bounded([step('mapping', `Mappings ${path}`, found.value.span)], stepsOf([...keys, value], [])),
    );
  }
  const fallback = entryOf(args[3], 'DefaultValue');
  if (!fallback) return unknown(`Mappings has no ${path}`, node.span);
  const value = inner(fallback.value);
  if (!value.known) return value;
  return known(
    value.value,
    bounded(
      [step('mapping', `DefaultValue of Fn::FindInMap (Mappings has no ${path})`, fallback.value.span)],
      stepsOf([...keys, value], []),
    ),
  );
}
