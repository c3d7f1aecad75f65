/**
 * The validation schemas in `data/cfn-schemas/` (one file per service namespace), `data/sam-schemas.json` and
 * `data/serverless-schema.json`:
 * a JSON Schema subset plus two keywords of ours (`discriminator`, `dependentExcluded`, `requiredOneOf`), made by
 * `scripts/update-cfn-schemas.mjs`, `scripts/update-sam-schemas.mjs` and `scripts/update-serverless-schema.mjs`.
 * An empty node `{}` accepts anything.
 */
export type SchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export interface SchemaNode {
  readonly type?: SchemaType | readonly SchemaType[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  /** false: a closed object (unknown keys are errors); a schema: every other key's value; absent: anything goes. */
  readonly additionalProperties?: boolean | SchemaNode;
  readonly patternProperties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly enum?: readonly (string | number | boolean)[];
  /** JavaScript RegExp source, used without the `u` flag; matched anywhere in the value unless anchored. */
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  /** A key of the same file's `definitions` (CloudFormation's are named `<Type>.<Name>`). */
  readonly $ref?: string;
  /** Ours: pick the branch by the value of one property (SAM events by `Type`) instead of trying every anyOf branch. */
  readonly discriminator?: {
    readonly property: string;
    readonly mapping: Readonly<Record<string, string /* definition */>>;
  };
  /** JSON Schema's: when the key is present, these keys are required too. */
  readonly dependentRequired?: Readonly<Record<string, readonly string[]>>;
  /** Ours: when the key is present, none of these may be (mutually exclusive: Code.ZipFile vs Code.S3Bucket). */
  readonly dependentExcluded?: Readonly<Record<string, readonly string[]>>;
  /** Ours: exactly one / at least one of these keys must be present (Code: ZipFile | S3Bucket | ImageUri). */
  readonly requiredOneOf?: readonly (readonly string[])[];
}

/** One data file: where it came from, and the schema of each resource type's `Properties` (or the root). */
export interface ValidationSchemaFile {
  readonly source: string;
  readonly licence: string;
  readonly generated: string;
  /** CloudFormation and SAM: resource type → its `Properties` object. */
  readonly resources?: Readonly<Record<string, SchemaNode>>;
  /** serverless.yml: the whole document. */
  readonly root?: SchemaNode;
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

/**
 * The schemas of one kind, looked up by key, so that a kind kept in several files reads only those asked for. The
 * lookups are functions that need no `this`.
 */
export interface ValidationSchemas {
  /** A resource type's `Properties` schema; undefined for a type the data does not know. */
  readonly resource: (type: string) => SchemaNode | undefined;
  /** The definition a `$ref` names. */
  readonly definition: (name: string) => SchemaNode | undefined;
  /** serverless.yml: the whole document. */
  readonly root?: SchemaNode;
}

export type ValidationSchemaKind = 'cfn' | 'sam' | 'serverless';

/** The data file (`data/<name>.json`) of each kind kept in one file. */
export const VALIDATION_SCHEMA_FILES: Readonly<Record<Exclude<ValidationSchemaKind, 'cfn'>, string>> = {
  sam: 'sam-schemas',
  serverless: 'serverless-schema',
};

/** The folder of CloudFormation's schemas (`data/cfn-schemas/AWS-Lambda.json`), written by update-cfn-schemas.mjs. */
export const CFN_SCHEMAS_FOLDER = 'cfn-schemas';

/** The list of the folder's namespace files (`data/cfn-schemas/namespaces.json`). */
export interface CfnNamespaceIndex {
  readonly namespaces: readonly string[];
}

/**
 * The namespace file a resource type or definition (`<Type>.<Name>`) is in: `AWS::Lambda::Function.Code` →
 * `AWS-Lambda`; undefined for a key that names no service namespace.
 */
export function cfnNamespace(key: string): string | undefined {
  const parts = key.split('::');
  return parts.length >= 3 ? `${parts[0]}-${parts[1]}` : undefined;
}
