import { SchemaCatalog } from '../../../../src/core/schema/catalog';
import {
  cfnNamespace,
  type CfnNamespaceIndex,
  type SchemaNode,
  type ValidationSchemaFile,
} from '../../../../src/core/schema/validation/schema-node';
import type { InvalidCase, ValidCase } from '../rule-tester';
import { ruleTester } from '../rule-tester';
import type { Rule } from '../../../../src/core/rules';

/**
 * Small schemas in the shape of data/cfn-schemas/ (here one object, read one namespace at a time through
 * `cfnFixtureFile`), data/sam-schemas.json and data/serverless-schema.json (schema-format contract), written
 * after the CloudFormation registry's and SAM's own schemas for the properties the tests use, so the engine's
 * semantics are tested whatever the generated data holds today.
 */
const string: SchemaNode = { type: 'string' };
const integer: SchemaNode = { type: 'integer' };
const strings: SchemaNode = { type: 'array', items: string };
const tag: SchemaNode = {
  type: 'object',
  properties: { Key: string, Value: string },
  required: ['Key', 'Value'],
  additionalProperties: false,
};

const cfn: ValidationSchemaFile = {
  source: 'test fixture',
  licence: 'Apache-2.0',
  generated: '2026-12-01',
  resources: {
    'AWS::Lambda::Function': {
      type: 'object',
      properties: {
        Code: { $ref: 'AWS::Lambda::Function.Code' },
        Handler: string,
        Runtime: string,
        Role: { type: 'string', pattern: '^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$' },
        MemorySize: { type: 'integer', minimum: 128, maximum: 10240 },
        Timeout: { type: 'integer', minimum: 1 },
        FunctionName: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-zA-Z0-9-_]+$' },
        Environment: { $ref: 'AWS::Lambda::Function.Environment' },
        Layers: strings,
        Architectures: {
          type: 'array',
          items: { type: 'string', enum: ['x86_64', 'arm64'] },
          minItems: 1,
          maxItems: 1,
        },
        ReservedConcurrentExecutions: { type: 'integer', minimum: 0 },
        VpcConfig: {
          type: 'object',
          properties: { SubnetIds: strings, SecurityGroupIds: strings },
          additionalProperties: false,
        },
        Tags: { type: 'array', items: { $ref: 'AWS::Lambda::Function.Tag' } },
      },
      required: ['Code', 'Role'],
      additionalProperties: false,
    },
    'AWS::DynamoDB::Table': {
      type: 'object',
      properties: {
        AttributeDefinitions: { type: 'array', items: { $ref: 'AWS::DynamoDB::Table.AttributeDefinition' } },
        BillingMode: { type: 'string', enum: ['PROVISIONED', 'PAY_PER_REQUEST'] },
        KeySchema: { type: 'array', items: { $ref: 'AWS::DynamoDB::Table.KeySchema' } },
        TableName: string,
        PointInTimeRecoverySpecification: {
          type: 'object',
          properties: { PointInTimeRecoveryEnabled: { type: 'boolean' } },
          additionalProperties: false,
        },
      },
      required: ['KeySchema'],
      dependentRequired: { KeySchema: ['AttributeDefinitions'] },
      additionalProperties: false,
    },
    'AWS::SQS::Queue': {
      type: 'object',
      properties: {
        QueueName: string,
        MessageRetentionPeriod: { type: 'integer', minimum: 60, maximum: 1209600 },
        VisibilityTimeout: integer,
        FifoQueue: { type: 'boolean' },
        Tags: { type: 'array', items: { $ref: 'AWS::SQS::Queue.Tag' } },
      },
      additionalProperties: false,
    },
    'AWS::EC2::Instance': {
      type: 'object',
      properties: {
        ImageId: string,
        SubnetId: string,
        SecurityGroupIds: strings,
        AvailabilityZone: string,
        UserData: string,
      },
      additionalProperties: false,
    },
    'AWS::Cycle::Thing': { $ref: 'AWS::Cycle::Thing.LoopA' },
    'AWS::Tree::Node': { $ref: 'AWS::Tree::Node.TreeNode' },
  },
  definitions: {
    'AWS::Lambda::Function.Code': {
      type: 'object',
      properties: { ZipFile: string, S3Bucket: string, S3Key: string, ImageUri: string },
      additionalProperties: false,
      dependentRequired: { S3Bucket: ['S3Key'] },
      dependentExcluded: {
        ZipFile: ['S3Bucket', 'ImageUri'],
        S3Bucket: ['ZipFile', 'ImageUri'],
        ImageUri: ['ZipFile', 'S3Bucket'],
      },
      requiredOneOf: [['ZipFile', 'S3Bucket', 'ImageUri']],
    },
    'AWS::Lambda::Function.Environment': {
      type: 'object',
      properties: { Variables: { type: 'object', additionalProperties: string } },
      additionalProperties: false,
    },
    'AWS::Lambda::Function.Tag': tag,
    'AWS::SQS::Queue.Tag': tag,
    'AWS::DynamoDB::Table.AttributeDefinition': {
      type: 'object',
      properties: { AttributeName: string, AttributeType: { type: 'string', enum: ['S', 'N', 'B'] } },
      required: ['AttributeName', 'AttributeType'],
      additionalProperties: false,
    },
    'AWS::DynamoDB::Table.KeySchema': {
      type: 'object',
      properties: { AttributeName: string, KeyType: { type: 'string', enum: ['HASH', 'RANGE'] } },
      required: ['AttributeName', 'KeyType'],
      additionalProperties: false,
    },
    'AWS::Cycle::Thing.LoopA': { $ref: 'AWS::Cycle::Thing.LoopB' },
    'AWS::Cycle::Thing.LoopB': { $ref: 'AWS::Cycle::Thing.LoopA' },
    'AWS::Tree::Node.TreeNode': {
      type: 'object',
      properties: { Name: string, Child: { $ref: 'AWS::Tree::Node.TreeNode' } },
      additionalProperties: false,
    },
  },
};

/** SAM's fixture schemas, read whole as data/sam-schemas.json is. */
export const fixtureSamFile: ValidationSchemaFile = {
  source: 'test fixture',
  licence: 'Apache-2.0',
  generated: '2026-12-01',
  resources: {
    'AWS::Serverless::Function': {
      type: 'object',
      properties: {
        Handler: string,
        Runtime: string,
        CodeUri: { anyOf: [string, { $ref: 'S3Location' }] },
        InlineCode: string,
        ImageUri: string,
        MemorySize: integer,
        Timeout: integer,
        Environment: { $ref: 'Environment' },
        Events: { type: 'object', additionalProperties: { $ref: 'EventSource' } },
        Policies: { anyOf: [string, { type: 'array' }, { type: 'object' }] },
        Architectures: { type: 'array', items: { type: 'string', enum: ['x86_64', 'arm64'] } },
      },
      additionalProperties: false,
      dependentExcluded: { InlineCode: ['ImageUri'], ImageUri: ['InlineCode'] },
    },
  },
  definitions: {
    S3Location: {
      type: 'object',
      properties: { Bucket: string, Key: string, Version: string },
      required: ['Bucket', 'Key'],
      additionalProperties: false,
    },
    Environment: {
      type: 'object',
      properties: { Variables: { type: 'object', additionalProperties: string } },
      additionalProperties: false,
    },
    EventSource: { type: 'object', discriminator: { property: 'Type', mapping: { Api: 'ApiEvent', SQS: 'SQSEvent' } } },
    ApiEvent: {
      type: 'object',
      properties: { Type: { type: 'string', enum: ['Api'] }, Properties: { $ref: 'ApiEventProperties' } },
      required: ['Type', 'Properties'],
      additionalProperties: false,
    },
    ApiEventProperties: {
      type: 'object',
      properties: { Path: string, Method: string, RestApiId: string, Auth: { type: 'object' } },
      required: ['Method', 'Path'],
      additionalProperties: false,
    },
    SQSEvent: {
      type: 'object',
      properties: { Type: { type: 'string', enum: ['SQS'] }, Properties: { $ref: 'SQSEventProperties' } },
      required: ['Type', 'Properties'],
      additionalProperties: false,
    },
    SQSEventProperties: {
      type: 'object',
      properties: { Queue: string, BatchSize: { type: 'integer', minimum: 1, maximum: 10000 } },
      required: ['Queue'],
      additionalProperties: false,
    },
    Globals: {
      type: 'object',
      properties: {
        Function: {
          type: 'object',
          additionalProperties: false,
          properties: {
            Timeout: integer,
            MemorySize: integer,
            Runtime: string,
            Handler: string,
            CodeUri: string,
            Environment: { $ref: 'Environment' },
          },
        },
      },
      additionalProperties: false,
    },
  },
};

/** serverless.yml's top level, after the framework's own schema (data/serverless-schema.json). */
const serverless: ValidationSchemaFile = {
  source: 'test fixture',
  licence: 'MIT',
  generated: '2026-12-01',
  root: {
    type: 'object',
    properties: {
      service: string,
      provider: { type: 'object', properties: { name: { enum: ['aws'] } }, additionalProperties: false },
      custom: { type: 'object' },
      resources: { type: 'object' },
    },
    required: ['provider', 'service'],
    additionalProperties: false,
  },
  definitions: {},
};

/**
 * The fixture's CloudFormation schemas as the generator writes them: `cfn-schemas/namespaces` and one
 * `cfn-schemas/<Namespace>` per service; undefined for other names.
 */
export function cfnFixtureFile(name: string): ValidationSchemaFile | CfnNamespaceIndex | undefined {
  const keysOf = (namespace: string, record: Readonly<Record<string, SchemaNode>>): Record<string, SchemaNode> =>
    Object.fromEntries(Object.entries(record).filter(([key]) => cfnNamespace(key) === namespace));
  if (name === 'cfn-schemas/namespaces')
    return { namespaces: [...new Set(Object.keys(cfn.resources ?? {}).map((type) => cfnNamespace(type)!))] };
  const namespace = /^cfn-schemas\/(.+)$/.exec(name)?.[1];
  if (namespace === undefined) return undefined;
  return { ...cfn, resources: keysOf(namespace, cfn.resources ?? {}), definitions: keysOf(namespace, cfn.definitions) };
}

export const fixtureCatalog = new SchemaCatalog((name) => {
  const cfnFile = cfnFixtureFile(name);
  if (cfnFile) return cfnFile;
  if (name === 'sam-schemas') return fixtureSamFile;
  if (name === 'serverless-schema') return serverless;
  throw new Error(`no fixture for data/${name}.json`);
});

/** `ruleTester` with the fixture schemas given to every case. */
export function schemaTester(
  rule: Rule,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): void {
  const withSchemas = <C extends ValidCase>(c: C): C => ({ ...c, inputs: { schemas: fixtureCatalog, ...c.inputs } });
  ruleTester(rule, { valid: cases.valid.map(withSchemas), invalid: cases.invalid.map(withSchemas) });
}

/** A CloudFormation template with one resource `R` of this type and these lines under its Properties. */
export function cfnResource(type: string, ...props: string[]): string {
  return [
    'Resources:',
    '  R:',
    `    Type: ${type}`,
    ...(props.length ? ['    Properties:', ...props.map((p) => `      ${p}`)] : []),
    '',
  ].join('\n');
}

/** A SAM template with one function `Fn` and these lines under its Properties. */
export function samResource(...props: string[]): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    ...props.map((p) => `      ${p}`),
    '',
  ].join('\n');
}

/** Properties every fixture Lambda function needs, so a case reports only what it is about. */
export const LAMBDA_BASE = ['Role: arn:aws:iam::123456789012:role/r', 'Code:', '  ZipFile: x'];
