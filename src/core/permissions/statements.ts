import type { Node } from '../model/nodes';
import { itemsOf, toPlain, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import { resourcePatterns } from './arn';
import type { Provenance, Statement, StatementKind } from './types';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A statement as written (plain JSON, intrinsics in long form) → a statement the matcher understands. */
export function statementOf(
  template: Template,
  written: unknown,
  origin: Provenance,
  kind: StatementKind = 'written',
  node?: Node,
): Statement | undefined {
  if (!written || typeof written !== 'object' || Array.isArray(written)) return undefined;
  const s = written as Record<string, unknown>;
  const effect = s.Effect === 'Deny' ? 'Deny' : 'Allow';
  const hasNotAction = s.NotAction !== undefined;
  return {
    kind,
    node,
    effect,
    actions: hasNotAction ? undefined : strings(s.Action),
    notActions: hasNotAction ? strings(s.NotAction) : undefined,
    resources: s.NotResource !== undefined ? undefined : resourcePatterns(template, s.Resource ?? '*'),
    notResources: s.NotResource !== undefined ? resourcePatterns(template, s.NotResource) : undefined,
    conditional: s.Condition !== undefined,
    origin,
    written,
  };
}

/** Statements of a policy document node (`{Statement: [...]}`), each with its own span. */
export function documentStatements(template: Template, document: Node | undefined, label: string): Statement[] {
  const statement = valueOf(document, 'Statement');
  if (!statement) return [];
  const nodes = statement.kind === 'seq' ? itemsOf(statement) : [statement];
  return nodes.flatMap((node) => {
    const s = statementOf(
      template,
      toPlain(node),
      { file: template.fileName, span: node.span, label },
      'written',
      node,
    );
    return s ? [s] : [];
  });
}
