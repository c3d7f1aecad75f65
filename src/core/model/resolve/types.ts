import type { Span } from '../nodes';

/**
 * Where a resolved value came from. Every setting a feature reads carries these steps so that the editor and
 * the CLI can say "1024 MB — Default of parameter Mem" instead of presenting a guess as a fact.
 */
export type ValueOrigin =
  | 'literal'            // written in the template as the value itself
  | 'parameter-default'  // a parameter's Default
  | 'override'           // a parameter value given outside the template (samconfig, a setting, the command line)
  | 'mapping'            // a Fn::FindInMap lookup (or its DefaultValue)
  | 'condition'          // the branch of a Fn::If chosen by a condition whose inputs are known
  | 'pseudo'             // a pseudo parameter (AWS::Region, ...)
  | 'computed'           // Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Length, Fn::ToJsonString of known parts
  | 'globals'            // SAM Globals
  | 'provider'           // Serverless Framework provider settings
  | 'default';           // the service's documented default (Lambda's 128 MB, 3 s, ...)

export interface Provenance {
  readonly origin: ValueOrigin;
  /** In words a user understands: "Default of parameter Mem", "samconfig.toml [prod] parameter_overrides". */
  readonly description: string;
  /** Where in the template that step happened (the parameter's Default, the mapping entry, ...), when it has a place. */
  readonly span?: Span;
}

/** A JSON value a template expression evaluates to. */
export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/** The value of a template expression, or why it cannot be known before deploying. */
export type Evaluated =
  | { readonly known: true; readonly value: PlainValue; readonly provenance: readonly Provenance[] }
  | { readonly known: false; readonly reason: string; readonly span: Span };

/** A value given from outside the template, with the place a user can find it. */
export interface InputValue {
  readonly value: string;
  /** "samconfig.toml [default] parameter_overrides", "setting serverlessWorkbench.parameters", "--parameter-overrides". */
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
