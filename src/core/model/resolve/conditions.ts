import type { IntrinsicNode, MapEntry, MapNode, Node } from '../nodes';
import { itemsOf, stringOf } from '../nodes';
import type { EvaluationContext, Inner } from './context';
import type { ConditionValue, Evaluated, Known, PlainValue, Provenance } from './types';
import { absent, bounded, computed, known, shown, step, stepsOf, textOf, unknown } from './values';

/**
 * `Conditions`, each decided once: references between conditions are followed without recursion (a chain of
 * thousands is answered, a cycle is named), and each body is evaluated after the conditions it names.
 */
export class ConditionTable {
  private readonly decided = new Map<string, ConditionValue>();
  /** Built on first use: most edits never ask for a condition. */
  private byName: Map<string, MapEntry> | undefined;

  constructor(
    private readonly section: MapNode | undefined,
    private readonly evaluateBody: (node: Node) => Evaluated,
  ) {}

  value(name: string): ConditionValue {
    const done = this.decided.get(name);
    if (done) return done;
    if (!this.entry(name)) return { value: undefined, reason: `${name} is not a condition of this template` };
    // Depth-first over the conditions a body names, with an explicit stack; each is decided after its inputs.
    const stack: { name: string; uses: string[]; next: number }[] = [];
    const open = new Set<string>();
    const enter = (n: string) => {
      open.add(n);
      stack.push({ name: n, uses: conditionsNamedIn(this.entry(n)!.value), next: 0 });
    };
    enter(name);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.uses.length) {
        const used = top.uses[top.next++];
        if (this.decided.has(used) || !this.entry(used)) continue;
        if (open.has(used)) this.markCycle(stack.slice(stack.findIndex((f) => f.name === used)).map((f) => f.name));
        else enter(used);
        continue;
      }
      stack.pop();
      open.delete(top.name);
      if (!this.decided.has(top.name)) this.decided.set(top.name, this.decide(top.name));
    }
    return this.decided.get(name)!;
  }

  private entry(name: string): MapEntry | undefined {
    if (!this.byName) {
      this.byName = new Map();
      // The first of duplicate names, as `entryOf` reads them elsewhere.
      for (const e of this.section?.entries ?? []) if (!this.byName.has(e.key)) this.byName.set(e.key, e);
    }
    return this.byName.get(name);
  }

  private markCycle(names: readonly string[]): void {
    const chain = [...names, names[0]].join(' → ');
    for (const n of names) {
      if (!this.decided.has(n))
        this.decided.set(n, {
          value: undefined,
          reason: `condition ${n} refers back to itself (${chain})`,
          span: this.entry(n)!.keySpan,
        });
    }
  }

  private decide(name: string): ConditionValue {
    const body = this.entry(name)!.value;
    const result = this.evaluateBody(body);
    if (!result.known) return { value: undefined, reason: result.reason, span: result.span };
    const value = booleanOf(result.value);
    if (value === undefined)
      return {
        value: undefined,
        reason: `condition ${name} is ${shown(result.value)}, not true or false`,
        span: body.span,
      };
    return { value, provenance: result.provenance };
  }
}

/** Names of the conditions a body uses (`Condition: X`, `Fn::If [X, ...]`), found without recursion. */
function conditionsNamedIn(body: Node): string[] {
  const names: string[] = [];
  const pending: Node[] = [body];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'map') for (const e of node.entries) pending.push(e.value);
    else if (node.kind === 'seq') pending.push(...node.items);
    else if (node.kind === 'intrinsic') {
      const named =
        node.name === 'Condition'
          ? stringOf(node.argument)
          : node.name === 'Fn::If'
            ? stringOf(itemsOf(node.argument)[0])
            : undefined;
      if (named !== undefined) names.push(named);
      pending.push(node.argument);
    }
  }
  return names;
}

function booleanOf(value: PlainValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

function conditionStep(name: string, value: boolean, node: Node): Provenance {
  return step('condition', `condition ${name} is ${value}`, node.span);
}

/** A condition's value with the step that names it, then how it was decided. */
function namedCondition(
  name: string,
  node: Node,
  ctx: EvaluationContext,
): { value: boolean; provenance: Provenance[] } | Evaluated {
  const decided = ctx.condition(name);
  if (decided.value === undefined)
    return unknown(`condition ${name} cannot be decided: ${decided.reason}`, decided.span ?? node.span);
  return {
    value: decided.value,
    provenance: bounded(
      [conditionStep(name, decided.value, node)],
      stepsOf([known(decided.value, decided.provenance)], []),
    ),
  };
}

/** `Fn::If [Condition, WhenTrue, WhenFalse]`: the branch the condition chooses, once the condition is decided. */
export function fnIf(node: IntrinsicNode, ctx: EvaluationContext, inner: Inner): Evaluated {
  const args = itemsOf(node.argument);
  const name = stringOf(args[0]);
  if (node.argument.kind !== 'seq' || args.length !== 3 || name === undefined) {
    return unknown('Fn::If needs a condition name and two values', node.span);
  }
  const decided = namedCondition(name, args[0], ctx);
  if ('known' in decided) return decided;
  const branch = inner(decided.value ? args[1] : args[2]);
  if (branch.absent) return absent(branch.reason, branch.span, bounded(decided.provenance, branch.provenance));
  if (!branch.known) return branch;
  return known(branch.value, bounded([decided.provenance[0]], stepsOf([branch], []), decided.provenance.slice(1)));
}

/** `Condition: Name` inside a condition (or `!Condition Name`). */
export function condition(node: IntrinsicNode, ctx: EvaluationContext): Evaluated {
  const name = stringOf(node.argument);
  if (name === undefined) return unknown('Condition needs the name of a condition', node.span);
  const decided = namedCondition(name, node.argument, ctx);
  return 'known' in decided ? decided : known(decided.value, decided.provenance);
}

/** `Fn::Equals [a, b]`: CloudFormation compares the values as written, numbers as text. */
export function equals(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const args = itemsOf(node.argument);
  if (node.argument.kind !== 'seq' || args.length !== 2) return unknown('Fn::Equals needs two values', node.span);
  const [a, b] = args.map(inner);
  if (!a.known) return a;
  if (!b.known) return b;
  return computed(comparable(a.value) === comparable(b.value), 'Fn::Equals', node.span, [a, b]);
}

function comparable(value: PlainValue): string {
  return textOf(value) ?? JSON.stringify(value);
}

/**
 * `Fn::And` and `Fn::Or` decide as soon as one operand does (a false in an And, a true in an Or), so an
 * unknown operand only makes the result unknown when it matters.
 */
function connective(node: IntrinsicNode, inner: Inner, decisive: boolean): Evaluated {
  const args = itemsOf(node.argument);
  if (node.argument.kind !== 'seq' || args.length < 2)
    return unknown(`${node.name} needs a list of conditions`, node.span);
  let firstUnknown: Evaluated | undefined;
  const parts: Known[] = [];
  for (const arg of args) {
    const operand = inner(arg);
    if (!operand.known) {
      firstUnknown ??= operand;
      continue;
    }
    const value = booleanOf(operand.value);
    if (value === undefined)
      return unknown(`${node.name} operands must be conditions, not ${shown(operand.value)}`, arg.span);
    if (value === decisive) return computed(decisive, node.name, node.span, [operand]);
    parts.push(operand);
  }
  return firstUnknown ?? computed(!decisive, node.name, node.span, parts);
}

export function fnAnd(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  return connective(node, inner, false);
}

export function fnOr(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  return connective(node, inner, true);
}

export function fnNot(node: IntrinsicNode, _ctx: EvaluationContext, inner: Inner): Evaluated {
  const [arg] = itemsOf(node.argument);
  if (node.argument.kind !== 'seq' || !arg) return unknown('Fn::Not needs a list of one condition', node.span);
  const operand = inner(arg);
  if (!operand.known) return operand;
  const value = booleanOf(operand.value);
  if (value === undefined) return unknown(`Fn::Not operand must be a condition, not ${shown(operand.value)}`, arg.span);
  return computed(!value, 'Fn::Not', node.span, [operand]);
}
