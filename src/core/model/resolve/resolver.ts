import type { MapEntry, MapNode, Node } from '../nodes';
import { mapAt, stringOf, valueOf } from '../nodes';
import { ConditionTable } from './conditions';
import type { EvaluationContext } from './context';
import { evaluate } from './evaluate';
import type { ConditionValue, Evaluated, Provenance, ResolutionInputs, StandIns } from './types';

/**
 * One template's answers to "what does this value resolve to": built with the model, shared by every
 * feature, so that the price, the invoke and the hover agree. Conditions are decided once; values are
 * evaluated when asked (the model is rebuilt on every keystroke, and most values are never asked for).
 */
export interface TemplateResolver {
  /** What was given from outside the template (parameter overrides, Region, stage, ...). */
  readonly inputs: ResolutionInputs;
  evaluate(node: Node): Evaluated;
  /** A condition of `Conditions`: true or false with how it was decided, or undefined with why not. */
  condition(name: string): ConditionValue;
  /**
   * Whether a resource with this `Condition` attribute is created: true without a condition, false when the
   * condition is false, undefined when it cannot be decided before deploying.
   */
  created(conditionName: string | undefined): boolean | undefined;
  /** Whether the model made this scalar from something else (a Serverless variable), so it is not a literal. */
  madeByModel(node: Node): boolean;
  /**
   * The same template's answers with other inputs and, for a consumer that runs the template without AWS,
   * its stand-ins for what exists only there (the local invoker's names for tables and queues).
   */
  derive(inputs: ResolutionInputs, standIns?: StandIns): TemplateResolver;
}

export interface ResolverSource {
  /** The map holding `Parameters`, `Mappings` and `Conditions` (a template's root; serverless.yml's `resources`). */
  readonly sections: MapNode | undefined;
  readonly inputs: ResolutionInputs | undefined;
  readonly isResource: (logicalId: string) => boolean;
  /** Where model-made scalars came from (Serverless variables). */
  readonly originOf?: (node: Node) => readonly Provenance[] | undefined;
  readonly standIns?: StandIns;
}

export function createResolver(source: ResolverSource): TemplateResolver {
  const parameters = new Map<string, MapEntry>();
  for (const entry of mapAt(source.sections, 'Parameters')?.entries ?? []) parameters.set(entry.key, entry);
  const inputs = source.inputs ?? {};
  const context: EvaluationContext = {
    inputs,
    parameters,
    mappings: mapAt(source.sections, 'Mappings'),
    isResource: source.isResource,
    condition: (name) => conditions.value(name),
    originOf: source.originOf,
    standIns: source.standIns,
  };
  const conditions = new ConditionTable(mapAt(source.sections, 'Conditions'), (body) => evaluate(body, context));
  return {
    inputs,
    evaluate: (node) => evaluate(node, context),
    condition: (name) => conditions.value(name),
    created: (name) => (name === undefined ? true : conditions.value(name).value),
    madeByModel: (node) => source.originOf?.(node) !== undefined,
    derive: (given, standIns) => createResolver({ ...source, inputs: given, standIns }),
  };
}

/** A resource's `Condition` attribute, when it names one. */
export function conditionOf(resourceNode: Node | undefined): string | undefined {
  return stringOf(valueOf(resourceNode, 'Condition'));
}
