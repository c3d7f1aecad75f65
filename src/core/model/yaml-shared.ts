import { intrinsicNameForTag, INTRINSIC_FUNCTIONS, longFormIntrinsic, MapEntry, Node, Span } from './nodes';
import type { DuplicateKeys } from './duplicate-keys';

/** CloudFormation's short-form tags as written (`!Ref`, `!GetAtt`, ...), one per intrinsic function. */
export const CLOUDFORMATION_TAG_NAMES: readonly string[] = [...INTRINSIC_FUNCTIONS].map(
  (name) => `!${name.replace(/^Fn::/, '')}`,
);

/**
 * Node building shared by both YAML readers (from `yaml`'s documents and straight from its CST), so the
 * two agree on tags, duplicate keys and long-form intrinsics by construction.
 */
export function taggedNode(text: string, tag: string, argument: Node): Node {
  const start = text.lastIndexOf(tag, argument.span.start);
  const nameSpan = start >= 0 ? { start, end: start + tag.length } : argument.span;
  const span = { start: nameSpan.start, end: Math.max(argument.span.end, nameSpan.end) };
  return { kind: 'intrinsic', name: intrinsicNameForTag(tag) ?? tag, nameSpan, argument, form: 'short', span };
}

/** Collects a map's entries, reporting a repeated key with both positions (CloudFormation rejects it). */
export class MapEntries {
  private readonly entries: MapEntry[] = [];
  private readonly seen = new Map<string, Span>();

  constructor(private readonly duplicates: DuplicateKeys) {}

  /** Call before converting the value, so problems stay in document order. */
  key(key: string, keySpan: Span): void {
    const previous = this.seen.get(key);
    if (previous) {
      this.duplicates.report(key, keySpan, previous);
    } else {
      this.seen.set(key, keySpan);
    }
  }

  add(key: string, keySpan: Span, value: Node): void {
    this.entries.push({ key, keySpan, value });
  }

  node(span: Span): Node {
    return longFormIntrinsic(this.entries, span) ?? { kind: 'map', entries: this.entries, span };
  }
}
