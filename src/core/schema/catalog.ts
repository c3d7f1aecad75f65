import {
  CFN_SCHEMAS_FOLDER,
  cfnNamespace,
  VALIDATION_SCHEMA_FILES,
  type CfnNamespaceIndex,
  type SchemaNode,
  type ValidationSchemaFile,
  type ValidationSchemaKind,
  type ValidationSchemas,
} from './validation/schema-node';

/**
 * Resource types, properties, attributes, SAM events and policy templates, and Lambda runtimes, read from
 * the derived indexes in `data/` (see each file's `source` and `licence`) on first use, never at
 * activation: the CloudFormation index is megabytes, and most sessions never ask for it.
 */
export interface PropertySpec {
  readonly doc: string;
  readonly type: string;
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** Key of the nested definition for properties of this property. */
  readonly ref?: string;
}

export interface ResourceSpec {
  readonly doc: string;
  readonly props: Readonly<Record<string, PropertySpec>>;
  readonly attrs?: Readonly<Record<string, string>>;
  /** What `!Ref` returns (the primary identifier). */
  readonly ref?: string;
}

export interface NestedSpec {
  readonly name: string;
  readonly props: Readonly<Record<string, PropertySpec>>;
}

export interface EventSpec {
  readonly doc: string;
  readonly props: Readonly<Record<string, PropertySpec>>;
}

export interface PolicyTemplateSpec {
  readonly doc: string;
  readonly params: readonly string[];
}

export interface RuntimeLifecycle {
  readonly deprecated: string | null;
  readonly createBlock: string | null;
  readonly updateBlock: string | null;
  readonly successor: string | null;
}

interface CfnResourceFile {
  readonly resources: Record<string, ResourceSpec>;
}
interface CfnTypesFile {
  readonly types: Record<string, NestedSpec>;
}
interface SamFile {
  readonly resources: Record<string, ResourceSpec>;
  readonly events: Record<string, Record<string, EventSpec>>;
  readonly types: Record<string, NestedSpec>;
  readonly policyTemplates: Record<string, PolicyTemplateSpec>;
}
interface RuntimesFile {
  readonly runtimes: Record<string, RuntimeLifecycle>;
}

/**
 * Reads `data/<name>.json` (`name` may name a file in a folder: `cfn-schemas/AWS-Lambda`); supplied by the adapter
 * (extension folder) or the tests (repository).
 */
export type ReadData = (name: string) => unknown;

/** A file's schemas by key, in Maps: keys come from templates (`constructor` is no schema), and lookups are hot. */
class SchemaMaps {
  readonly resources = new Map<string, SchemaNode>();
  readonly definitions = new Map<string, SchemaNode>();

  add(file: ValidationSchemaFile): void {
    for (const [type, node] of Object.entries(file.resources ?? {})) this.resources.set(type, node);
    for (const [name, node] of Object.entries(file.definitions)) this.definitions.set(name, node);
  }
}

/** The schemas of a kind kept in one file. */
function wholeFile(file: ValidationSchemaFile): ValidationSchemas {
  const maps = new SchemaMaps();
  maps.add(file);
  return {
    resource: (type) => maps.resources.get(type),
    definition: (name) => maps.definitions.get(name),
    root: file.root,
  };
}

/**
 * CloudFormation's schemas, one file per service namespace, each read on the first lookup of one of its types or
 * definitions: a template uses a handful of the hundreds of services. A namespace without a file in the index is
 * unknown to the data, as a type missing from a file is.
 */
class NamespacedSchemas implements ValidationSchemas {
  private index?: ReadonlySet<string>;
  private readonly read = new Set<string>();
  private readonly maps = new SchemaMaps();

  constructor(private readonly readData: ReadData) {}

  readonly resource = (type: string): SchemaNode | undefined =>
    this.maps.resources.get(type) ?? (this.readNamespaceOf(type) ? this.maps.resources.get(type) : undefined);

  readonly definition = (name: string): SchemaNode | undefined =>
    this.maps.definitions.get(name) ?? (this.readNamespaceOf(name) ? this.maps.definitions.get(name) : undefined);

  /** Reads the namespace file of a key not found yet; false when there is none or it was read already. */
  private readNamespaceOf(key: string): boolean {
    const namespace = cfnNamespace(key);
    if (namespace === undefined || this.read.has(namespace)) return false;
    this.index ??= new Set((this.readData(`${CFN_SCHEMAS_FOLDER}/namespaces`) as CfnNamespaceIndex).namespaces);
    if (!this.index.has(namespace)) return false;
    this.read.add(namespace);
    this.maps.add(this.readData(`${CFN_SCHEMAS_FOLDER}/${namespace}`) as ValidationSchemaFile);
    return true;
  }
}

/** The CloudFormation type a SAM type becomes, whose attributes `!GetAtt` reaches and whose id `!Ref` returns. */
export const SAM_TRANSFORMS_TO: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
};

export class SchemaCatalog {
  private cfn?: CfnResourceFile;
  private cfnTypes?: CfnTypesFile;
  private sam?: SamFile;
  private lifecycle?: RuntimesFile;
  private readonly validation = new Map<ValidationSchemaKind, ValidationSchemas>();

  constructor(private readonly read: ReadData) {}

  private get cfnFile(): CfnResourceFile {
    return (this.cfn ??= this.read('cfn-resource-types') as CfnResourceFile);
  }

  private get samFile(): SamFile {
    return (this.sam ??= this.read('sam-resource-types') as SamFile);
  }

  /** SAM's types first (they are what a SAM author writes most), then CloudFormation's. */
  resourceTypes(includeSam: boolean): string[] {
    return [...(includeSam ? Object.keys(this.samFile.resources) : []), ...Object.keys(this.cfnFile.resources)];
  }

  resource(type: string): ResourceSpec | undefined {
    return type.startsWith('AWS::Serverless::') ? this.samFile.resources[type] : this.cfnFile.resources[type];
  }

  /** The resource CloudFormation ends up with: itself, or what a SAM type transforms into. */
  deployed(type: string): { type: string; spec: ResourceSpec | undefined } {
    const target = SAM_TRANSFORMS_TO[type] ?? type;
    return { type: target, spec: this.cfnFile.resources[target] };
  }

  attributes(type: string): Readonly<Record<string, string>> {
    return this.deployed(type).spec?.attrs ?? {};
  }

  /** Properties of a nested definition (`ref` from a PropertySpec), SAM's or CloudFormation's. */
  nested(resourceType: string, ref: string): NestedSpec | undefined {
    if (resourceType.startsWith('AWS::Serverless::') && this.samFile.types[ref]) return this.samFile.types[ref];
    this.cfnTypes ??= this.read('cfn-property-types') as CfnTypesFile;
    return this.cfnTypes.types[ref];
  }

  events(resourceType: string): Readonly<Record<string, EventSpec>> {
    return this.samFile.events[resourceType] ?? {};
  }

  policyTemplates(): Readonly<Record<string, PolicyTemplateSpec>> {
    return this.samFile.policyTemplates;
  }

  /**
   * The schemas schema validation checks properties against: CloudFormation's namespace files (`data/cfn-schemas/`)
   * each on the first lookup of its service, SAM's and the framework's file on first use.
   */
  validationSchemas(kind: ValidationSchemaKind): ValidationSchemas {
    let schemas = this.validation.get(kind);
    if (!schemas) {
      schemas =
        kind === 'cfn'
          ? new NamespacedSchemas(this.read)
          : wholeFile(this.read(VALIDATION_SCHEMA_FILES[kind]) as ValidationSchemaFile);
      this.validation.set(kind, schemas);
    }
    return schemas;
  }

  runtimes(): Readonly<Record<string, RuntimeLifecycle>> {
    return (this.lifecycle ??= this.read('lambda-runtimes') as RuntimesFile).runtimes;
  }
}

/** The CloudFormation documentation page of a resource type (the user guide's naming scheme). */
export function documentationUrl(type: string): string | undefined {
  const parts = type.split('::');
  if (parts.length !== 3 || parts[0] !== 'AWS') return undefined;
  if (parts[1] === 'Serverless') {
    return `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${parts[2].toLowerCase()}.html`;
  }
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-${parts[1].toLowerCase()}-${parts[2].toLowerCase()}.html`;
}
