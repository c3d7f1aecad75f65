import type { MapNode, ScalarNode, Span } from '../../model/nodes';
import type { SchemaType } from './schema-node';

/** What a property value breaks; each kind is one rule (`schema-unknown-property`, `schema-required-property`, ...). */
export type ViolationKind = 'unknown-property' | 'required' | 'type' | 'enum' | 'range' | 'pattern' | 'dependencies';

interface Base {
  /** The key (unknown property, required, dependencies) or the value (type, enum, range, pattern) at fault. */
  readonly span: Span;
  /** The resource the value belongs to; undefined for SAM `Globals`. */
  readonly logicalId: string | undefined;
  /** The resource type, or `Globals`. */
  readonly owner: string;
  /** Where the value is, for messages: `Properties.Environment.Variables`, `Globals.Function`. */
  readonly path: string;
  /** Found against the Serverless Framework's own schema rather than CloudFormation's or SAM's. */
  readonly framework?: FrameworkJudgement;
}

/** How the Serverless Framework itself treats a violation of its schema. */
export interface FrameworkJudgement {
  /** `configValidationMode`: the framework warns (its default) or refuses to go on. */
  readonly mode: 'warn' | 'error';
  /** An unknown key where a plugin the service lists may have declared it. */
  readonly pluginMayDefine: boolean;
}

export interface UnknownProperty extends Base {
  readonly kind: 'unknown-property';
  readonly key: string;
  /** The properties the map accepts, for "did you mean". */
  readonly candidates: readonly string[];
}

export interface RequiredProperty extends Base {
  readonly kind: 'required';
  readonly property: string;
  /** What the missing value is, for a placeholder. */
  readonly expected: readonly SchemaType[];
  /** The map it goes into; undefined when the resource has no usable `Properties` map. */
  readonly map: MapNode | undefined;
  /** The resource's own map, where `Properties` is added when it is missing. */
  readonly resource: MapNode | undefined;
}

export interface TypeMismatch extends Base {
  readonly kind: 'type';
  readonly expected: readonly SchemaType[];
  /** What was given, in words: `a list`, `"abc"`. */
  readonly actual: string;
  /** Where a value not written in place came from ("Default of parameter Size"); undefined for literals. */
  readonly origin: string | undefined;
}

export interface EnumMismatch extends Base {
  readonly kind: 'enum';
  readonly value: string;
  readonly allowed: readonly string[];
  readonly origin: string | undefined;
  /** The scalar as written, when the value is written in place (so a fix may replace it). */
  readonly literal: ScalarNode | undefined;
}

export interface RangeViolation extends Base {
  readonly kind: 'range';
  /** What is measured: the number itself, a text's length or a list's items. */
  readonly measure: 'value' | 'length' | 'items';
  readonly actual: number;
  readonly bound: 'min' | 'max';
  readonly limit: number;
  readonly origin: string | undefined;
}

export interface PatternMismatch extends Base {
  readonly kind: 'pattern';
  readonly value: string;
  readonly pattern: string;
  readonly origin: string | undefined;
}

export interface DependencyViolation extends Base {
  readonly kind: 'dependencies';
  /**
   * `requires`: `property` needs `others`; `excludes`: `property` cannot be used with `others`; `one-of`: one of
   * `others` is needed.
   */
  readonly relation: 'requires' | 'excludes' | 'one-of';
  readonly property: string | undefined;
  readonly others: readonly string[];
}

export type Violation =
  | UnknownProperty
  | RequiredProperty
  | TypeMismatch
  | EnumMismatch
  | RangeViolation
  | PatternMismatch
  | DependencyViolation;
