import type { MapNode, Span } from '../nodes';
import type { Template } from '../template';

/** The root the analyses of names read: with `Fn::ForEach` loops expanded when the template has any. */
export function analysedRoot(template: Template): MapNode | undefined {
  return template.expanded?.root ?? template.root;
}

/**
 * Whether a loop whose collection is only known at deploy may produce `name` in `section` (`Resources`,
 * `Conditions`, `Outputs`): such a name is not reported as undefined, since it may well exist.
 */
export function mayBeMadeByLoop(template: Template, section: string, name: string): boolean {
  return (template.expanded?.unexpandedLoops ?? []).some(
    (l) => l.section === section && l.keys.some((k) => k.test(name)),
  );
}

/** Whether `name` at `span` is the identifier of an unexpanded loop around it (`!Ref TopicName`, `${TopicName}`). */
export function isLoopIdentifier(template: Template, name: string, span: Span): boolean {
  return (template.expanded?.unexpandedLoops ?? []).some(
    (l) => l.identifiers.has(name) && l.extent.start <= span.start && span.end <= l.extent.end,
  );
}
