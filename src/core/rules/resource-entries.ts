import type { MapEntry, MapNode, ScalarNode } from '../model/nodes';
import { entryOf } from '../model/nodes';
import type { Resource, Template } from '../model/template';

/** A resource entry as written, with its `Type` (SAM, CloudFormation, or a serverless.yml's `resources.Resources`). */
export interface WrittenResource {
  readonly resource: Resource;
  readonly node: MapNode;
  readonly typeEntry: MapEntry;
}

/** A dozen rules walk the written resources: they are listed once per template. */
const writtenOf = new WeakMap<Template, readonly WrittenResource[]>();

/**
 * Resources written with a `Type` key: a serverless.yml's functions and layers are framework configuration, not
 * resource entries, and generated resources have no entry of their own.
 */
export function writtenResources(template: Template): readonly WrittenResource[] {
  let written = writtenOf.get(template);
  if (!written) {
    written = template.resources.flatMap((resource) => {
      const typeEntry = resource.origin === 'written' ? entryOf(resource.node, 'Type') : undefined;
      return typeEntry && resource.node ? [{ resource, node: resource.node, typeEntry }] : [];
    });
    writtenOf.set(template, written);
  }
  return written;
}

/** The `Type` value when it is written as a plain string (not an intrinsic or a number). */
export function typeScalar(written: WrittenResource): (ScalarNode & { value: string }) | undefined {
  const value = written.typeEntry.value;
  return value.kind === 'scalar' && typeof value.value === 'string'
    ? (value as ScalarNode & { value: string })
    : undefined;
}
