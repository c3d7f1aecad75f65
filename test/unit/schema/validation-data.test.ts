import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { SchemaCatalog } from '../../../src/core/schema/catalog';
import {
  cfnNamespace,
  type CfnNamespaceIndex,
  type SchemaNode,
  type ValidationSchemaFile,
  type ValidationSchemas,
} from '../../../src/core/schema/validation/schema-node';
import { schemaViolations } from '../../../src/core/schema/validation/template';
import { SHARED, hasShared, yaml } from '../helpers';
import { unknownKeys } from './schema-keys';

const DATA = path.resolve(__dirname, '../../../data');
const readData = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(DATA, `${name}.json`), 'utf8'));
const catalog = new SchemaCatalog(readData);
const cfn = catalog.validationSchemas('cfn');
const sam = catalog.validationSchemas('sam');

/** The files as written, for whole-file checks: each CloudFormation namespace's, and SAM's. */
const cfnFiles = (readData('cfn-schemas/namespaces') as CfnNamespaceIndex).namespaces.map(
  (namespace) => [namespace, readData(`cfn-schemas/${namespace}`) as ValidationSchemaFile] as const,
);
const samFile = readData('sam-schemas') as ValidationSchemaFile;

/** A catalog over data/ that records the names it reads. */
function recordingCatalog(): { catalog: SchemaCatalog; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    catalog: new SchemaCatalog((name) => {
      reads.push(name);
      return readData(name);
    }),
  };
}

function resolve(schemas: ValidationSchemas, node: SchemaNode | undefined): SchemaNode {
  assert.ok(node, 'no schema node');
  if (!node.$ref) return node;
  const target = schemas.definition(node.$ref);
  assert.ok(target, `no definition ${node.$ref}`);
  return target;
}

/** The schema of a property path under a resource type's Properties, following `$ref`s. */
function at(schemas: ValidationSchemas, type: string, ...names: string[]): SchemaNode {
  let node = resolve(schemas, schemas.resource(type));
  for (const name of names) node = resolve(schemas, node.properties?.[name]);
  return node;
}

/** A definition that must be there. */
function definition(schemas: ValidationSchemas, name: string): SchemaNode {
  const node = schemas.definition(name);
  assert.ok(node, `no definition ${name}`);
  return node;
}

/** Every node of a file, with where it is, for whole-file checks. */
function* nodes(file: ValidationSchemaFile): Generator<[string, SchemaNode]> {
  const pending: [string, SchemaNode][] = [
    ...Object.entries(file.resources ?? {}).map(([k, n]): [string, SchemaNode] => [k, n]),
    ...Object.entries(file.definitions).map(([k, n]): [string, SchemaNode] => [`definitions.${k}`, n]),
  ];
  while (pending.length > 0) {
    const [where, node] = pending.pop()!;
    yield [where, node];
    for (const [k, child] of Object.entries(node.properties ?? {})) pending.push([`${where}.${k}`, child]);
    for (const [k, child] of Object.entries(node.patternProperties ?? {})) pending.push([`${where}/${k}/`, child]);
    if (node.items) pending.push([`${where}[]`, node.items]);
    if (typeof node.additionalProperties === 'object') pending.push([`${where}.*`, node.additionalProperties]);
    [...(node.anyOf ?? []), ...(node.oneOf ?? [])].forEach((b, i) => pending.push([`${where}|${i}`, b]));
  }
}

describe('validation schema data', () => {
  describe('catalog', () => {
    it('reads no CloudFormation file until a type is looked up, then its namespace file once', () => {
      const { catalog: recording, reads } = recordingCatalog();
      const schemas = recording.validationSchemas('cfn');
      assert.deepStrictEqual(reads, []);
      assert.ok(schemas.resource('AWS::Lambda::Function'));
      assert.ok(schemas.definition('AWS::Lambda::Function.Code'));
      assert.ok(schemas.resource('AWS::Lambda::Permission'));
      assert.strictEqual(recording.validationSchemas('cfn'), schemas);
      assert.deepStrictEqual(reads, ['cfn-schemas/namespaces', 'cfn-schemas/AWS-Lambda']);
    });

    it('reads no file for a type outside the data: an unknown service, no namespace, a path', () => {
      const { catalog: recording, reads } = recordingCatalog();
      const schemas = recording.validationSchemas('cfn');
      assert.strictEqual(schemas.resource('AWS::NoSuchService::Thing'), undefined);
      assert.strictEqual(schemas.resource('AWS::../../package::Thing'), undefined);
      assert.strictEqual(schemas.resource('constructor'), undefined);
      assert.deepStrictEqual(reads, ['cfn-schemas/namespaces']);
      assert.strictEqual(schemas.resource('AWS::Lambda::NoSuchType'), undefined);
      assert.strictEqual(schemas.resource('AWS::Lambda::constructor'), undefined);
      assert.deepStrictEqual(reads, ['cfn-schemas/namespaces', 'cfn-schemas/AWS-Lambda']);
    });

    it('validating a template of Lambda and DynamoDB resources reads those two namespace files and no other', () => {
      const { catalog: recording, reads } = recordingCatalog();
      const template = loadTemplate(
        yaml(
          'Resources:',
          '  Fn:',
          '    Type: AWS::Lambda::Function',
          '    Properties:',
          '      Code: { ZipFile: "exports.handler = async () => 1" }',
          '      Role: arn:aws:iam::123456789012:role/fn',
          '      MemorySzie: 512',
          '  Invoke:',
          '    Type: AWS::Lambda::Permission',
          '    Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref Fn, Principal: s3.amazonaws.com }',
          '  Table:',
          '    Type: AWS::DynamoDB::Table',
          '    Properties:',
          '      BillingMode: PAY_PER_REQUST',
          '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
          '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
        ),
        '/t/template.yaml',
      );
      assert.ok(template);
      const found = schemaViolations(template, recording).map((v) => `${v.kind} ${v.logicalId} ${v.path}`);
      assert.deepStrictEqual(found, ['unknown-property Fn Properties', 'enum Table Properties.BillingMode']);
      assert.deepStrictEqual(reads, ['cfn-schemas/namespaces', 'cfn-schemas/AWS-Lambda', 'cfn-schemas/AWS-DynamoDB']);
    });

    it('says where each file comes from, without pointing outside the repository', () => {
      for (const file of [samFile, ...cfnFiles.map(([, f]) => f)]) {
        assert.match(file.generated, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(file.licence.length > 0);
        assert.ok(!file.source.includes('shared'), file.source);
      }
      for (const [, file] of cfnFiles) assert.match(file.source, /@awboost\/cfn-resource-types@\d+\.\d+\.\d+/);
      assert.match(samFile.source, /github\.com\/aws\/serverless-application-model commit [0-9a-f]{40}/);
    });
  });

  describe('CloudFormation', () => {
    it('AWS::Lambda::Function requires Code and Role and is closed to unknown properties', () => {
      const fn = at(cfn, 'AWS::Lambda::Function');
      assert.deepStrictEqual(fn.required, ['Code', 'Role']);
      assert.strictEqual(fn.additionalProperties, false);
      assert.ok(!fn.properties?.MemorySzie);
      assert.deepStrictEqual(at(cfn, 'AWS::Lambda::Function', 'MemorySize'), { type: 'integer' });
    });

    it('Timeout is an integer of at least 1 second', () => {
      assert.deepStrictEqual(at(cfn, 'AWS::Lambda::Function', 'Timeout'), { type: 'integer', minimum: 1 });
    });

    it('Handler may not contain a space', () => {
      const handler = at(cfn, 'AWS::Lambda::Function', 'Handler');
      assert.strictEqual(handler.maxLength, 128);
      const pattern = new RegExp(handler.pattern!);
      assert.ok(pattern.test('index.handler'));
      assert.ok(!pattern.test('index handler'));
    });

    it('Architectures is one of x86_64 and arm64, exactly one', () => {
      assert.deepStrictEqual(at(cfn, 'AWS::Lambda::Function', 'Architectures'), {
        type: 'array',
        items: { type: 'string', enum: ['x86_64', 'arm64'] },
        minItems: 1,
        maxItems: 1,
      });
    });

    it('Code takes one of ZipFile, S3Bucket and ImageUri; S3Bucket and S3Key come together', () => {
      const code = at(cfn, 'AWS::Lambda::Function', 'Code');
      assert.deepStrictEqual(code.requiredOneOf, [['ZipFile', 'S3Bucket', 'ImageUri']]);
      assert.deepStrictEqual(code.dependentExcluded?.ZipFile, ['S3Bucket', 'S3Key', 'S3ObjectVersion', 'ImageUri']);
      assert.deepStrictEqual(code.dependentRequired?.S3Bucket, ['S3Key']);
      assert.deepStrictEqual(code.dependentRequired?.S3Key, ['S3Bucket']);
    });

    it('Environment.Variables maps names to strings', () => {
      assert.deepStrictEqual(at(cfn, 'AWS::Lambda::Function', 'Environment', 'Variables'), {
        type: 'object',
        additionalProperties: { type: 'string' },
      });
    });

    it('AWS::DynamoDB::Table BillingMode is PROVISIONED or PAY_PER_REQUEST', () => {
      assert.deepStrictEqual(at(cfn, 'AWS::DynamoDB::Table', 'BillingMode').enum, ['PROVISIONED', 'PAY_PER_REQUEST']);
      // The registry accepts the key schema as a list or (a legacy form) an object.
      assert.deepStrictEqual(at(cfn, 'AWS::DynamoDB::Table', 'KeySchema').anyOf?.[0], {
        type: 'array',
        items: { $ref: 'AWS::DynamoDB::Table.KeySchema' },
      });
    });

    it('a policy document accepts JSON or JSON text', () => {
      assert.deepStrictEqual(at(cfn, 'AWS::IAM::Role', 'AssumeRolePolicyDocument'), { type: ['object', 'string'] });
    });

    it('log retention is one of the periods CloudWatch Logs offers', () => {
      const retention = at(cfn, 'AWS::Logs::LogGroup', 'RetentionInDays');
      assert.strictEqual(retention.type, 'integer');
      assert.ok(retention.enum?.includes(14) && !retention.enum.includes(15));
    });

    it(
      'a nested stack requires nothing the registry alone asks for (StackName), and SQS FIFO settings need ' +
        'FifoQueue',
      () => {
        assert.strictEqual(at(cfn, 'AWS::CloudFormation::Stack').required, undefined);
        assert.deepStrictEqual(at(cfn, 'AWS::SQS::Queue').dependentRequired?.ContentBasedDeduplication, ['FifoQueue']);
      },
    );

    it(
      'an existing network interface gets no new public ' + 'address; IPv6 addresses are listed or counted, not both',
      () => {
        const attached = definition(cfn, 'AWS::EC2::Instance.NetworkInterface');
        assert.deepStrictEqual(attached.dependentExcluded?.NetworkInterfaceId, [
          'AssociatePublicIpAddress',
          'AssociateCarrierIpAddress',
        ]);
        assert.deepStrictEqual(
          definition(cfn, 'AWS::EC2::LaunchTemplate.NetworkInterface').dependentExcluded?.AssociatePublicIpAddress,
          ['NetworkInterfaceId'],
        );
        assert.deepStrictEqual(at(cfn, 'AWS::EC2::NetworkInterface').dependentExcluded, {
          Ipv6AddressCount: ['Ipv6Addresses'],
          Ipv6Addresses: ['Ipv6AddressCount'],
        });
      },
    );

    it(
      'a DynamoDB key schema needs its attribute definitions; an event source mapping may have an empty filter ' +
        'list',
      () => {
        assert.deepStrictEqual(at(cfn, 'AWS::DynamoDB::Table').dependentRequired, {
          KeySchema: ['AttributeDefinitions'],
        });
        assert.deepStrictEqual(at(cfn, 'AWS::DynamoDB::GlobalTable').dependentRequired, {
          KeySchema: ['AttributeDefinitions'],
        });
        assert.deepStrictEqual(at(cfn, 'AWS::DynamoDB::Table', 'SSESpecification', 'SSEType').enum, ['KMS']);
        const filters = at(cfn, 'AWS::Lambda::EventSourceMapping', 'FilterCriteria').properties?.Filters;
        assert.strictEqual(filters?.minItems, undefined);
        assert.strictEqual(filters?.maxItems, 20);
      },
    );

    it('knows every type completion offers', () => {
      const completion = JSON.parse(fs.readFileSync(path.join(DATA, 'cfn-resource-types.json'), 'utf8')) as {
        resources: Record<string, { props: Record<string, unknown> }>;
      };
      for (const [type, spec] of Object.entries(completion.resources)) {
        const node = cfn.resource(type);
        assert.ok(node, `${type} missing`);
        for (const name of Object.keys(spec.props))
          assert.ok(node.properties?.[name], `${type}.${name} would be called unknown`);
      }
    });
  });

  describe('SAM', () => {
    const fn = at(sam, 'AWS::Serverless::Function');

    it('AWS::Serverless::Function takes InlineCode with CodeUri (InlineCode wins), not with ImageUri', () => {
      assert.ok(fn.properties?.CodeUri && fn.properties.InlineCode && fn.properties.ImageUri);
      assert.deepStrictEqual(fn.dependentExcluded, { InlineCode: ['ImageUri'], ImageUri: ['InlineCode'] });
    });

    it('Policies is a policy name, a policy document or template map, or a list of these', () => {
      const policies = { type: ['string', 'object', 'array'], items: { type: ['string', 'object'] } };
      assert.deepStrictEqual(fn.properties?.Policies, policies);
      assert.deepStrictEqual(at(sam, 'AWS::Serverless::StateMachine', 'Policies'), policies);
    });

    it(
      "what SAM accepts beyond its schema's types: an endpoint type alone, several user pools, one S3 event or " +
        'more, alarm names',
      () => {
        const endpoint = at(sam, 'AWS::Serverless::Api').properties?.EndpointConfiguration;
        assert.deepStrictEqual(
          endpoint?.anyOf?.map((b) => b.type ?? b.$ref),
          ['string', 'EndpointConfiguration'],
        );
        assert.deepStrictEqual(definition(sam, 'EndpointConfiguration').properties?.Type, {
          type: 'string',
          enum: ['EDGE', 'REGIONAL', 'PRIVATE'],
        });
        assert.deepStrictEqual(definition(sam, 'CognitoAuthorizer').properties?.UserPoolArn, {
          type: ['string', 'array'],
          items: { type: 'string' },
        });
        assert.deepStrictEqual(definition(sam, 'S3EventProperties').properties?.Events, {
          type: ['string', 'array'],
          items: { type: 'string' },
        });
        assert.deepStrictEqual(definition(sam, 'DeploymentPreference').properties?.Alarms, {
          type: 'array',
          items: { type: 'string' },
        });
        assert.deepStrictEqual(definition(sam, 'aws_serverless_api__ResourcePolicy').properties?.CustomStatements, {
          type: ['object', 'array'],
          items: { type: ['string', 'object'] },
        });
        // An application's Location map needs both keys (the transform's own error test); a URL or S3 path is text.
        assert.deepStrictEqual(definition(sam, 'Location').required, ['ApplicationId', 'SemanticVersion']);
      },
    );

    it("properties SAM passes to Lambda have Lambda's schema", () => {
      assert.deepStrictEqual(fn.properties?.Timeout, { type: 'integer', minimum: 1 });
      assert.deepStrictEqual(fn.properties?.Architectures, at(cfn, 'AWS::Lambda::Function', 'Architectures'));
      assert.deepStrictEqual(resolve(sam, fn.properties?.Environment), at(cfn, 'AWS::Lambda::Function', 'Environment'));
    });

    it('an intrinsic-function branch does not hide the real type', () => {
      assert.deepStrictEqual(fn.properties?.AutoPublishAlias, { type: 'string' });
    });

    it('Events pick their schema by Type: Api, SQS, Schedule and the rest', () => {
      const events = fn.properties?.Events?.additionalProperties;
      assert.ok(events && typeof events === 'object' && events.discriminator);
      assert.strictEqual(events.discriminator.property, 'Type');
      const mapping = events.discriminator.mapping;
      for (const type of [
        'Api',
        'HttpApi',
        'SQS',
        'SNS',
        'S3',
        'Schedule',
        'ScheduleV2',
        'EventBridgeRule',
        'Kinesis',
        'DynamoDB',
      ]) {
        assert.ok(sam.definition(mapping[type]), `${type} → ${mapping[type]}`);
      }
      const api = definition(sam, mapping.Api);
      assert.deepStrictEqual(api.properties?.Type, { type: 'string', enum: ['Api'] });
      assert.deepStrictEqual(resolve(sam, api.properties?.Properties).required, ['Method', 'Path']);
      assert.deepStrictEqual(resolve(sam, definition(sam, mapping.SQS).properties?.Properties).required, ['Queue']);
    });

    it(
      'APIs take DefinitionBody or DefinitionUri, not both; a state machine needs one of Definition and ' +
        'DefinitionUri',
      () => {
        assert.deepStrictEqual(at(sam, 'AWS::Serverless::Api').dependentExcluded, {
          DefinitionBody: ['DefinitionUri'],
          DefinitionUri: ['DefinitionBody'],
        });
        assert.deepStrictEqual(at(sam, 'AWS::Serverless::HttpApi').dependentExcluded, {
          DefinitionBody: ['DefinitionUri'],
          DefinitionUri: ['DefinitionBody'],
        });
        assert.deepStrictEqual(at(sam, 'AWS::Serverless::StateMachine').requiredOneOf, [
          ['Definition', 'DefinitionUri'],
        ]);
        assert.deepStrictEqual(at(sam, 'AWS::Serverless::LayerVersion').required, ['ContentUri']);
      },
    );

    it('Globals has the sections SAM reads, each closed', () => {
      const globals = definition(sam, 'Globals');
      assert.strictEqual(globals.additionalProperties, false);
      const function_ = resolve(sam, globals.properties?.Function);
      assert.strictEqual(function_.additionalProperties, false);
      assert.ok(function_.properties?.Timeout && function_.properties.Runtime && !function_.properties.Events);
    });
  });

  for (const [name, files] of [
    ['cfn-schemas', cfnFiles],
    ['sam-schemas', [['sam-schemas', samFile]]],
  ] as const) {
    it(`${name}: every $ref resolves in its own file, every pattern compiles, no empty lists or maps`, () => {
      let patterns = 0;
      for (const [fileName, file] of files) {
        for (const [where, node] of nodes(file)) {
          if (node.$ref) assert.ok(file.definitions[node.$ref], `${fileName} ${where}: $ref ${node.$ref}`);
          for (const target of Object.values(node.discriminator?.mapping ?? {}))
            assert.ok(file.definitions[target], `${fileName} ${where}: ${target}`);
          if (node.pattern !== undefined) {
            assert.doesNotThrow(() => new RegExp(node.pattern!), `${fileName} ${where}: /${node.pattern}/`);
            patterns++;
          }
          assert.ok(!node.required || node.required.length > 0, `${fileName} ${where}: empty required`);
          assert.ok(
            !node.properties || Object.keys(node.properties).length > 0,
            `${fileName} ${where}: empty properties`,
          );
        }
      }
      assert.ok(patterns > 0);
    });
  }

  it('cfn-schemas: each namespace file holds the types of its namespace, and only definitions referenced in it', () => {
    assert.ok(cfnFiles.length > 300);
    for (const [namespace, file] of cfnFiles) {
      const types = Object.keys(file.resources ?? {});
      assert.ok(types.length > 0, namespace);
      for (const type of types) assert.strictEqual(cfnNamespace(type), namespace, type);
      const used = new Set<string>();
      for (const [, node] of nodes(file)) {
        if (node.$ref) used.add(node.$ref);
        for (const target of Object.values(node.discriminator?.mapping ?? {})) used.add(target);
      }
      assert.deepStrictEqual(
        Object.keys(file.definitions).filter((d) => !used.has(d)),
        [],
        namespace,
      );
    }
  });

  describe('corpus: every key a valid template writes is known to the data', function () {
    this.timeout(120_000);
    const samInputs = path.join(SHARED, 'corpus', 'sam-translator', 'input');
    const goodTemplates = path.join(SHARED, 'corpus', 'cfn-lint-fixtures', 'templates', 'good');

    /** Keys CloudFormation itself rejects, in inputs that test something else: a validator should flag them. */
    const REAL_ERRORS = new Set([
      // The transform does not look at CloudFormation resources; AWS::S3::Bucket has BucketName, not Name.
      'function_with_resource_refs.yaml AWS::S3::Bucket.Name',
      // Passed unchecked to AWS::ApiGateway::Stage, whose CanarySetting spells it StageVariableOverrides.
      'api_with_canary_setting.yaml Globals.Api.CanarySetting.StageVariablesOverrides',
      // A fixture for Fn::Sub: AWS::ServiceCatalog::CloudFormationProvisionedProduct's properties on a Stack.
      'sub.yaml AWS::CloudFormation::Stack.ProductName',
      'sub.yaml AWS::CloudFormation::Stack.ProvisioningArtifactName',
    ]);

    function templates(dir: string): string[] {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((d) => (d.isDirectory() ? templates(path.join(dir, d.name)) : [path.join(dir, d.name)]));
    }

    function unknownIn(files: string[]): string[] {
      const found: string[] = [];
      for (const file of files) {
        const template = loadTemplate(fs.readFileSync(file, 'utf8'), file);
        if (!template) continue;
        found.push(
          ...unknownKeys(template, cfn, sam).map((key) => `${path.basename(file)} ${key.replace(/\[\d+\]/g, '')}`),
        );
      }
      return found.filter((key) => !REAL_ERRORS.has(key));
    }

    it(
      'valid SAM translator inputs (properties, Globals, ' + 'event Types and their properties, at every depth)',
      function () {
        if (!hasShared || !fs.existsSync(samInputs)) {
          console.log(`    skipped: ${samInputs} is missing (set SWB_SHARED to the shared folder)`);
          this.skip();
        }
        const inputs = templates(samInputs).filter(
          (f) => f.endsWith('.yaml') && !path.basename(f).startsWith('error_'),
        );
        assert.ok(inputs.length > 500);
        assert.deepStrictEqual(unknownIn(inputs), []);
      },
    );

    it("cfn-lint's good templates", function () {
      if (!hasShared || !fs.existsSync(goodTemplates)) {
        console.log(`    skipped: ${goodTemplates} is missing (set SWB_SHARED to the shared folder)`);
        this.skip();
      }
      const files = templates(goodTemplates).filter((f) => /\.(ya?ml|json)$/.test(f));
      assert.ok(files.length > 90);
      assert.deepStrictEqual(unknownIn(files), []);
    });
  });
});
