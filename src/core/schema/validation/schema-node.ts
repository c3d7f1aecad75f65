/**
 * The validation schemas in `data/cfn-schemas.json` and `data/sam-schemas.json`: a JSON-Schema subset plus a few
 * keywords of ours, derived from the CloudFormation registry schemas and SAM's `sam.schema.json` by
 * `scripts/update-cfn-schemas.mjs` and `scripts/update-sam-schemas.mjs`.
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
  /** JavaScript RegExp source ('u' flag not used). */
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  /** A key of the same file's `definitions`. */
  readonly $ref?: string;
  /** Ours: pick the branch by the value of one property (SAM events by `Type`) instead of trying every anyOf branch. */
  readonly discriminator?: { readonly property: string; readonly mapping: Readonly<Record<string, string>> };
  /** JSON Schema's: when the key is present, these keys are required too. */
  readonly dependentRequired?: Readonly<Record<string, readonly string[]>>;
  /** Ours: when the key is present, none of these may be (mutually exclusive: Code.ZipFile vs Code.S3Bucket). */
  readonly dependentExcluded?: Readonly<Record<string, readonly string[]>>;
  /** Ours: exactly one / at least one of these keys must be present (Code: ZipFile | S3Bucket | ImageUri). */
  readonly requiredOneOf?: readonly (readonly string[])[];
}

/** One generated file: the Properties schema of each resource type, and the definitions they share by `$ref`. */
export interface ValidationSchemaFile {
  readonly source: string;
  readonly licence: string;
  readonly generated: string;
  readonly resources: Readonly<Record<string, SchemaNode>>;
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

export type ValidationSchemaKind = 'cfn' | 'sam' | 'serverless';
