import { LIMITS } from '../limits';
import type { Node, Span } from '../nodes';
import type { Absent, Evaluated, Known, PlainValue, Provenance, Unknown, ValueOrigin } from './types';

export function known(value: PlainValue, provenance: readonly Provenance[]): Known {
  return { known: true, value, provenance };
}

export function unknown(reason: string, span: Span): Unknown {
  return { known: false, reason, span };
}

export function absent(reason: string, span: Span, provenance: readonly Provenance[]): Absent {
  return { known: false, absent: true, reason, span, provenance };
}

export function step(origin: ValueOrigin, description: string, span?: Span): Provenance {
  return span ? { origin, description, span } : { origin, description };
}

/** A value written as itself. */
export function literalStep(node: Node): Provenance {
  return step('literal', 'as written', node.span);
}

/**
 * The steps behind a value made of parts: what the parts came from, each once, without the literals
 * (a Join of a literal and a parameter came from the parameter). Parts that are all literal give `fallback`.
 */
export function stepsOf(parts: readonly Known[], fallback: readonly Provenance[]): Provenance[] {
  const out: Provenance[] = [];
  for (const part of parts) {
    for (const s of part.provenance) {
      if (out.length >= LIMITS.maxProvenanceSteps) return out;
      if (s.origin !== 'literal' && !out.some((o) => o.description === s.description)) out.push(s);
    }
  }
  return out.length > 0 ? out : [...fallback];
}

/** Steps joined, no longer than `LIMITS.maxProvenanceSteps`. */
export function bounded(...steps: readonly (readonly Provenance[])[]): Provenance[] {
  const out: Provenance[] = [];
  for (const list of steps) {
    for (const s of list) {
      if (out.length >= LIMITS.maxProvenanceSteps) return out;
      out.push(s);
    }
  }
  return out;
}

/** A value computed from known parts (`Fn::Join`, ...): the computation first, then where its inputs came from. */
export function computed(value: PlainValue, description: string, span: Span, parts: readonly Known[]): Known {
  return known(value, bounded([step('computed', description, span)], stepsOf(parts, [])));
}

/** Text as CloudFormation makes it from a scalar (`Fn::Join`, `Fn::Sub`): numbers and booleans as written. */
export function textOf(value: PlainValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** How a value reads in a reason: `"abc"`, `[1, 2]`. */
export function shown(value: PlainValue): string {
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function isList(value: PlainValue): value is readonly PlainValue[] {
  return Array.isArray(value);
}

/** The first part that is not known (unknown or left out), if any. */
export function firstNotKnown(parts: readonly Evaluated[]): Unknown | Absent | undefined {
  for (const p of parts) if (!p.known) return p;
  return undefined;
}
