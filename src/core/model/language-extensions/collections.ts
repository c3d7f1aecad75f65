import type { Node } from '../nodes';
import type { TemplateResolver } from '../resolve/resolver';

/** The items a `Fn::ForEach` iterates over, or why they are only known when the stack is deployed. */
export type CollectionOf = (collection: Node) => readonly string[] | { readonly unknown: string };

/**
 * A loop's collection through the template's resolver: a written list, a `Ref` to a `CommaDelimitedList` or
 * `List<...>` parameter (override, then Default), a `Fn::FindInMap`, `Fn::Split`, ... whose inputs are known.
 * Fn::ForEach iterates over "an array of strings" (CloudFormation template reference, "Fn::ForEach"), so anything
 * else is unknown with the evaluator's reason.
 */
export function resolvedCollections(resolver: TemplateResolver): CollectionOf {
  return (collection) => {
    const evaluated = resolver.evaluate(collection);
    if (!evaluated.known) return { unknown: evaluated.reason };
    const value = evaluated.value;
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
    if (!items)
      return { unknown: `the collection is a ${value === null ? 'null' : typeof value}, not a list of strings` };
    const strings = items.map((item) =>
      typeof item === 'string' || typeof item === 'number' ? String(item) : undefined,
    );
    return strings.every((s): s is string => s !== undefined)
      ? strings
      : { unknown: 'an item of the collection is not a string' };
  };
}
