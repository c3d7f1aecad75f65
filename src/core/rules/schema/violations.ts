import type { SchemaType } from '../../schema/validation/schema-node';
import { schemaViolations } from '../../schema/validation/template';
import type { Violation, ViolationKind } from '../../schema/validation/violation';
import type { RuleContext, Severity } from '../types';

/**
 * The schema rules' shared facts: the template's one validation pass, and the words every message uses.
 */

/** Pages the schema rules' docs cite: the resource and property reference is what the schemas encode. */
export const SCHEMA_SOURCES =
  'The CloudFormation "Resource and property reference" ' +
  '(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html), from ' +
  "the CloudFormation registry's resource schemas " +
  '(https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html), and for ' +
  'AWS::Serverless::* the "AWS SAM resources and properties" reference ' +
  '(https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-resources-and-properties.html) ' +
  "through SAM's own schema (sam.schema.json); shipped as data/cfn-schemas/ (one file per service) and " +
  'data/sam-schemas.json.';

/** This kind's violations of the template, or none when the analysis was given no schemas. */
export function violationsOf<K extends ViolationKind>(
  context: RuleContext,
  kind: K,
): Extract<Violation, { kind: K }>[] {
  const catalog = context.inputs.schemas;
  if (!catalog) return [];
  return schemaViolations(context.template, catalog).filter(
    (v): v is Extract<Violation, { kind: K }> => v.kind === kind,
  );
}

/**
 * `Properties.Timeout of Fn (AWS::Serverless::Function)`; `Globals.Function.Timeout` for SAM Globals;
 * `functions.hello.timeout` for a serverless.yml's own keys.
 */
export function placeOf(v: Violation): string {
  if (v.logicalId !== undefined) return `${v.path} of ${v.logicalId} (${v.owner})`;
  return v.path === '' ? `the top level of ${v.owner}` : v.path;
}

/**
 * A serverless.yml's own keys are judged as the framework judges them: a warning under its default
 * `configValidationMode: warn`, an error under `error`; CloudFormation's and SAM's findings keep the rule's severity.
 */
export function severityOf(v: Violation): Severity | undefined {
  return v.framework?.mode === 'warn' ? 'warning' : undefined;
}

/** What the docs of every schema rule say about serverless.yml. */
export const SERVERLESS_DOCS =
  'In a serverless.yml, `provider`, `functions` (with every event type), `package`, `layers` and the top-level ' +
  "keys are checked against the Serverless Framework v3's own configuration schema (data/serverless-schema.json, " +
  'derived from the MIT-licensed `serverless` package) and reported as warnings, as the framework warns under ' +
  'its default `configValidationMode: warn`; errors under `configValidationMode: error`, nothing under `off`. ' +
  '`custom` is not checked, `resources` is checked as CloudFormation, a single value where a list belongs counts ' +
  'as a list of it (as the framework reads it), and `${...}` variables are values known only when the framework ' +
  'runs, so they are not judged, except a whole value `${self:path}` naming a literal in the same file, which is ' +
  'checked as that literal.';

const TYPE_WORDS: Readonly<Record<SchemaType, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
};

export function typeWords(types: readonly SchemaType[]): string {
  return types.map((t) => TYPE_WORDS[t]).join(' or ');
}

/** " (Default of parameter Size)" after a value that is not written in place. */
export function originSuffix(origin: string | undefined): string {
  return origin === undefined ? '' : ` (${origin})`;
}

/** Lists of allowed values are cut after this many, with a count of the rest. */
const LISTED_VALUES = 12;

export function listed(values: readonly string[]): string {
  const shown = values.slice(0, LISTED_VALUES).join(', ');
  return values.length > LISTED_VALUES ? `${shown} and ${values.length - LISTED_VALUES} more` : shown;
}
