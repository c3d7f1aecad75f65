import type { Node, Span } from './nodes';
import { itemsOf, stringOf, walk } from './nodes';

export type ReferenceKind = 'Ref' | 'GetAtt' | 'Sub';

/** A use of another template name inside a value: `!Ref X`, `!GetAtt X.Attr`, `${X}` / `${X.Attr}` in `!Sub`. */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly target: string;
  readonly attribute?: string;
  /** The span of the target's name only (for `!GetAtt A.B`, just `A`), where navigation and renames act. */
  readonly span: Span;
  readonly node: Node;
}

/** Pseudo parameters are names CloudFormation provides; they are never template entities. */
export function isPseudoParameter(name: string): boolean {
  return name.startsWith('AWS::');
}

/**
 * Every Ref, GetAtt and Sub variable below `node`. Spans come from the raw text so that a name inside a
 * quoted or folded `!Sub` string is found at its exact place.
 */
export function referencesIn(node: Node, text: string): Reference[] {
  const found: Reference[] = [];
  walk(node, (n) => {
    if (n.kind !== 'intrinsic') return;
    if (n.name === 'Ref') {
      const target = stringOf(n.argument);
      if (target !== undefined) found.push({ kind: 'Ref', target, span: nameSpan(n.argument, target, text), node: n });
    } else if (n.name === 'Fn::GetAtt') {
      const getAtt = getAttParts(n.argument, text);
      if (getAtt) found.push({ kind: 'GetAtt', ...getAtt, node: n });
    } else if (n.name === 'Fn::Sub') {
      const template = n.argument.kind === 'seq' ? itemsOf(n.argument)[0] : n.argument;
      const explicit = n.argument.kind === 'seq' ? itemsOf(n.argument)[1] : undefined;
      const local = new Set(explicit?.kind === 'map' ? explicit.entries.map((e) => e.key) : []);
      if (template?.kind === 'scalar') {
        for (const v of subVariables(template, text)) {
          if (!local.has(v.target)) found.push({ kind: 'Sub', ...v, node: n });
        }
      }
    }
  });
  return found;
}

function getAttParts(argument: Node, text: string): { target: string; attribute?: string; span: Span } | undefined {
  if (argument.kind === 'scalar') {
    const value = stringOf(argument);
    if (!value) return undefined;
    const dot = value.indexOf('.');
    const target = dot < 0 ? value : value.slice(0, dot);
    return { target, attribute: dot < 0 ? undefined : value.slice(dot + 1), span: nameSpan(argument, target, text) };
  }
  const [first, second] = itemsOf(argument);
  const target = stringOf(first);
  if (!first || target === undefined) return undefined;
  return { target, attribute: stringOf(second), span: nameSpan(first, target, text) };
}

/** The span of `name` inside a scalar's source (skipping a quote), or the whole scalar when not found. */
export function nameSpan(scalar: Node, name: string, text: string): Span {
  // Searched within the scalar only: a name missing from it must not cost a scan of the rest of the document.
  const at = text.slice(scalar.span.start, scalar.span.end).indexOf(name);
  return at >= 0 ? { start: scalar.span.start + at, end: scalar.span.start + at + name.length } : scalar.span;
}

/**
 * `${Name}` and `${Name.Attr}` in a Sub string; `${!Literal}` is an escape and `${AWS::Region}` a pseudo parameter.
 * Found in the source text for exact spans, and kept only when the scalar's value still holds them.
 */
export function subVariables(scalar: Node, text: string): { target: string; attribute?: string; span: Span }[] {
  const raw = text.slice(scalar.span.start, scalar.span.end);
  const value = stringOf(scalar) ?? '';
  const out: { target: string; attribute?: string; span: Span }[] = [];
  const pattern = /\$\{([^}!][^}]*)\}/g;
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
    // A Fn::ForEach copy keeps the written span while its value has the loop's identifier replaced.
    if (!value.includes(m[0])) continue;
    const expression = m[1].trim();
    if (isPseudoParameter(expression)) continue;
    const dot = expression.indexOf('.');
    const target = dot < 0 ? expression : expression.slice(0, dot);
    const start = scalar.span.start + m.index + 2 + m[1].indexOf(target);
    out.push({ target, attribute: dot < 0 ? undefined : expression.slice(dot + 1), span: { start, end: start + target.length } });
  }
  return out;
}
