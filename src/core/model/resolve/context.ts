import type { MapEntry, MapNode, Node } from '../nodes';
import type { ConditionValue, Evaluated, Provenance, ResolutionInputs, StandIns } from './types';

/** What evaluating an expression may look up: the template's sections and the inputs from outside it. */
export interface EvaluationContext {
  readonly inputs: ResolutionInputs;
  /** `Parameters` entries by name. */
  readonly parameters: ReadonlyMap<string, MapEntry>;
  readonly mappings: MapNode | undefined;
  /** Whether a logical ID names a resource (written or generated), so `Ref` can say why it is unknown. */
  isResource(logicalId: string): boolean;
  /** A condition's value, decided once per template. */
  condition(name: string): ConditionValue;
  /**
   * Where a scalar that the model made came from (a Serverless `${param:...}` resolved before evaluation);
   * undefined for a scalar written as itself.
   */
  originOf?(node: Node): readonly Provenance[] | undefined;
  /** What a consumer makes up for values that exist only in AWS; absent in the model's own resolver. */
  readonly standIns?: StandIns;
}

/** Evaluates a node one level deeper than the expression being evaluated. */
export type Inner = (node: Node) => Evaluated;
