import type { MapNode, Node } from '../nodes';
import { mapAt, stringOf, valueOf } from '../nodes';
import type { ResolutionInputs } from '../resolve/types';

/** The items a `Fn::ForEach` iterates over, or why they are only known when the stack is deployed. */
export type CollectionOf = (collection: Node) => readonly string[] | { readonly unknown: string };

/**
 * Parameter types whose `Ref` is a list of strings. SSM-backed lists (`AWS::SSM::Parameter::Value<...>`) are
 * read from Parameter Store at deploy time and so stay unknown (CloudFormation user guide, "Parameters").
 */
const LIST_PARAMETER = /^(CommaDelimitedList|List<[^>]+>)$/;

/**
 * The collections this model can know without a general evaluator: a list written in the loop, or a `Ref` to a
 * `CommaDelimitedList`/`List<...>` parameter through its override (`resolution.parameters`) or its Default.
 * Fn::ForEach accepts "an array in this parameter, or a Ref to a CommaDelimitedList" (CloudFormation template
 * reference, "Fn::ForEach"). Anything else (Fn::FindInMap, Fn::Split, ...) is reported as unknown; the resolution
 * evaluator (src/core/model/resolve) is meant to replace this function.
 */
export function literalOrParameterCollections(root: MapNode, resolution: ResolutionInputs | undefined): CollectionOf {
  const parameters = mapAt(root, 'Parameters');
  return (collection) => {
    if (collection.kind === 'seq') {
      const items = collection.items.map((item) => (item.kind === 'scalar' ? stringOf(item) : undefined));
      return items.every((i): i is string => i !== undefined)
        ? items
        : { unknown: 'an item of the collection is computed by an intrinsic function' };
    }
    if (collection.kind !== 'intrinsic' || collection.name !== 'Ref') {
      const what = collection.kind === 'intrinsic' ? collection.name : 'a single value';
      return { unknown: `the collection is ${what}, not a list or a Ref to a list parameter` };
    }
    const name = stringOf(collection.argument) ?? '';
    const parameter = mapAt(parameters, name);
    if (!parameter) return { unknown: `Ref ${name} names no parameter of this template` };
    const type = stringOf(valueOf(parameter, 'Type')) ?? '';
    if (!LIST_PARAMETER.test(type)) return { unknown: `parameter ${name} is ${type || 'untyped'}, not a CommaDelimitedList or List<...>` };
    const override = resolution?.parameters?.[name];
    if (override) return override.value.split(',');
    const fallback = valueOf(parameter, 'Default');
    if (fallback?.kind === 'seq') return literalOrParameterCollections(root, resolution)(fallback);
    const text = stringOf(fallback);
    return text === undefined ? { unknown: `parameter ${name} has no Default and no value was given for it` } : text.split(',');
  };
}
