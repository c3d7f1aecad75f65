import type { Span } from '../nodes';

/**
 * Where a resolved value came from. Every setting a feature reads carries these steps so that the editor and
 * the CLI can say "1024 MB — Default of parameter Mem" instead of presenting a guess as a fact.
 */
export type ValueOrigin =
  | 'literal' // written in the template as the value itself
  | 'parameter-default' // a parameter's Default
  | 'override' // a parameter value given outside the template (samconfig, a setting, the command line)
  | 'mapping' // a Fn::FindInMap lookup (or its DefaultValue)
  | 'condition' // the branch of a Fn::If chosen by a condition whose inputs are known
  | 'pseudo' // a pseudo parameter (AWS::Region, ...)
  | 'computed' // Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Length, Fn::ToJsonString of known parts
  | 'globals' // SAM Globals
  | 'provider' // Serverless Framework provider settings
  | 'default' // the service's documented default (Lambda's 128 MB, 3 s, ...)
  | 'stand-in'; // made up by a consumer for what exists only in AWS (invoke's local names, placeholder account)

export interface Provenance {
  readonly origin: ValueOrigin;
  /** In words a user understands: "Default of parameter Mem", "samconfig.toml [prod] parameter_overrides". */
  readonly description: string;
  /**
   * Where in the template that step happened (the parameter's Default, the mapping entry, ...), when it has a place.
   */
  readonly span?: Span;
}

/** A JSON value a template expression evaluates to. */
export type PlainValue =
  string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

export interface Known {
  readonly known: true;
  readonly value: PlainValue;
  /** Outermost step first: `Fn::If` on IsProd, then the mapping entry it chose, then the parameter that keyed it. */
  readonly provenance: readonly Provenance[];
  readonly absent?: undefined;
}

export interface Unknown {
  readonly known: false;
  /** One sentence a user understands: "the physical ID of Table is only known after deploy". */
  readonly reason: string;
  /** The expression that could not be evaluated (the innermost one). */
  readonly span: Span;
  readonly absent?: undefined;
}

/**
 * `AWS::NoValue`: the property (or list item) is left out, so the service's default applies. It counts as not
 * known for a reader that does not look for it, so nobody mistakes it for a value.
 */
export interface Absent {
  readonly known: false;
  readonly absent: true;
  readonly reason: string;
  readonly span: Span;
  /** How the template came to leave it out (the condition that chose `AWS::NoValue`, ...). */
  readonly provenance: readonly Provenance[];
}

/** The value of a template expression, why it cannot be known before deploying, or that it is left out. */
export type Evaluated = Known | Unknown | Absent;

/** A condition's value with how it was decided, or why it cannot be decided before deploying. */
export type ConditionValue =
  | { readonly value: boolean; readonly provenance: readonly Provenance[]; readonly reason?: undefined }
  | { readonly value: undefined; readonly reason: string; readonly span?: Span };

/**
 * Values that exist only in AWS, made up by a consumer that runs things without it (the local invoker's
 * names for tables and queues, a placeholder account). The evaluator asks only where it would otherwise
 * answer "only known after deploy": `Ref` of a resource or of such a pseudo parameter, `Fn::GetAtt` and
 * `${Res.Attr}` in `Fn::Sub`. The answer's provenance must say it was made up (`stand-in` or `override`).
 */
export interface StandIns {
  /** `Ref name` when `attribute` is undefined, else `Fn::GetAtt name.attribute`; undefined leaves it unknown. */
  reference(name: string, attribute: string | undefined, at: Span): Evaluated | undefined;
}

/** A value given from outside the template, with the place a user can find it. */
export interface InputValue {
  readonly value: string;
  /**
   * "samconfig.toml [default] parameter_overrides", "setting serverlessWorkbench.parameters", "--parameter-overrides".
   */
  readonly origin: string;
}

/**
 * What the template's own text cannot say: parameter values, the Region, the stage. Loaders gather them
 * (samconfig.toml/samconfig.yaml of the chosen config environment, the editor's settings, command-line flags)
 * and pass them to `loadTemplate`, which resolves every setting with them.
 */
export interface ResolutionInputs {
  /** Parameter values by parameter name; they win over the parameters' Defaults. */
  readonly parameters?: Readonly<Record<string, InputValue>>;
  readonly region?: InputValue;
  readonly stackName?: InputValue;
  readonly accountId?: InputValue;
  /** Serverless Framework stage (`--stage`); `provider.stage` and then `dev` when absent. */
  readonly stage?: InputValue;
  /** samconfig config environment the inputs were read from (`default` unless chosen). */
  readonly configEnv?: string;
}
