import {
  VALIDATION_SCHEMA_FILES,
  type ValidationSchemaFile,
  type ValidationSchemaKind,
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

/** Reads `data/<name>.json`; supplied by the adapter (extension folder) or the tests (repository). */
export type ReadData = (name: string) => unknown;

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
  private readonly validation = new Map<ValidationSchemaKind, ValidationSchemaFile>();

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

  /** The schemas schema validation checks properties against (`data/cfn-schemas.json`, ...), read on first use. */
  validationSchemas(kind: ValidationSchemaKind): ValidationSchemaFile {
    let file = this.validation.get(kind);
    if (!file) {
      file = this.read(VALIDATION_SCHEMA_FILES[kind]) as ValidationSchemaFile;
      this.validation.set(kind, file);
    }
    return file;
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
