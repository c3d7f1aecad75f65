import { createHash } from 'crypto';
import type { MapEntry, MapNode, Node, Span } from '../nodes';
import { entryOf, stringOf, valueOf } from '../nodes';
import type { GeneratedIdConflict, Resource } from '../template';

/** Where a generated resource comes from: the key a user would click to see why it exists. */
export interface Cause {
  readonly idSpan: Span;
  readonly span: Span;
}

/** The cause for a map entry: its key, and the entry from key to end of value. */
export function entryCause(entry: MapEntry): Cause {
  return { idSpan: entry.keySpan, span: { start: entry.keySpan.start, end: entry.value.span.end } };
}

/** The cause for a resource as a whole: its logical ID. */
export function resourceCause(resource: Resource): Cause {
  return { idSpan: resource.idSpan, span: resource.idSpan };
}

/** A property of a resource, or the resource's key when the property is absent. */
export function propertyCause(resource: Resource, name: string): Cause {
  const entry = entryOf(resource.properties, name);
  return entry ? entryCause(entry) : resourceCause(resource);
}

/**
 * Collects generated resources. SAM shares some of them between resources (one implicit API for every
 * `Api` event, one CodeDeploy application); the first producer is recorded, later ones are ignored, and
 * nothing is generated over a logical ID the template already uses (a written `ServerlessRestApi` is the
 * implicit API).
 */
export class GeneratedResources {
  readonly list: Resource[] = [];
  /** Resources the transform would generate under the logical ID of a written resource, which makes it fail. */
  readonly conflicts: GeneratedIdConflict[] = [];
  private readonly taken: Set<string>;

  constructor(
    readonly written: ReadonlyMap<string, Resource>,
    readonly text: string,
  ) {
    this.taken = new Set(written.keys());
  }

  has(logicalId: string): boolean {
    return this.taken.has(logicalId);
  }

  add(logicalId: string, type: string, producer: string, reason: string, cause: Cause): void {
    if (this.taken.has(logicalId)) {
      if (this.written.has(logicalId)) this.conflicts.push({ logicalId, type, generatedBy: producer, reason });
      return;
    }
    this.taken.add(logicalId);
    this.list.push({
      logicalId,
      type,
      origin: 'generated',
      idSpan: cause.idSpan,
      span: this.trimmed(cause.span),
      generatedBy: { logicalId: producer, reason },
    });
  }

  /** Block nodes end after their last line break; a highlight should end with the last character. */
  private trimmed(span: Span): Span {
    let end = span.end;
    while (end > span.start && this.text.charCodeAt(end - 1) <= 32) end--;
    return end === span.end ? span : { start: span.start, end };
  }

  /** The source text of a node: cheap input for the hashes in generated logical IDs. */
  sourceOf(node: Node | undefined): string {
    return node ? this.text.slice(node.span.start, node.span.end) : '';
  }
}

/**
 * SAM's `LogicalIdGenerator`: the prefix plus the first 10 hex digits of a SHA-1 of the data; no suffix
 * for empty data. Exact where the model can rebuild SAM's input (domain names, hosted zones, stage names,
 * layers, most function versions: see layer.ts, version.ts). For API deployments SAM hashes the OpenAPI
 * document it generates, which the model does not build, so it hashes the source text of the API and its
 * events instead: stable while they are unchanged, new when they change, but not SAM's suffix.
 */
export function hashedId(prefix: string, data: string): string {
  if (data === '') return prefix;
  return prefix + createHash('sha1').update(data, 'utf8').digest('hex').slice(0, 10);
}

/** Logical IDs may only hold letters and digits; SAM strips the rest from names it builds IDs from. */
export function alphanumeric(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '');
}

export function isAlphanumeric(value: string): boolean {
  return /^[A-Za-z0-9]+$/.test(value);
}

/** The string a property holds; undefined for intrinsics and missing values. */
export function stringAt(map: Node | undefined, key: string): string | undefined {
  return stringOf(valueOf(map, key));
}

export function isMap(node: Node | undefined): node is MapNode {
  return node?.kind === 'map';
}

/**
 * True when a property is absent or may resolve to absent: `!If [Cond, X, !Ref AWS::NoValue]` makes SAM
 * generate what the property would replace (a role, a destination queue), guarded by the condition.
 */
export function mayBeAbsent(node: Node | undefined): boolean {
  if (!node) return true;
  if (node.kind !== 'intrinsic' || node.name !== 'Fn::If' || node.argument.kind !== 'seq') return false;
  return node.argument.items.slice(1).some((branch) => mayBeAbsent(branch) || isNoValue(branch));
}

function isNoValue(node: Node): boolean {
  return node.kind === 'intrinsic' && node.name === 'Ref' && stringOf(node.argument) === 'AWS::NoValue';
}
