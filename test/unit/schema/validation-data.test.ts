import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { SchemaCatalog } from '../../../src/core/schema/catalog';
import type { SchemaNode, ValidationSchemaFile } from '../../../src/core/schema/validation/schema-node';
import { SHARED, hasShared } from '../helpers';
import { unknownKeys } from './schema-keys';

const DATA = path.resolve(__dirname, '../../../data');
const reads: string[] = [];
const catalog = new SchemaCatalog((name) => {
  reads.push(name);
  return JSON.parse(fs.readFileSync(path.join(DATA, `${name}.json`), 'utf8'));
});
const cfn = catalog.validationSchemas('cfn');
const sam = catalog.validationSchemas('sam');

function resolve(file: ValidationSchemaFile, node: SchemaNode | undefined): SchemaNode {
  assert.ok(node, 'no schema node');
  return node.$ref ? file.definitions[node.$ref] : node;
}

/** The schema of a property path under a resource type's Properties, following `$ref`s. */
function at(file: ValidationSchemaFile, type: string, ...names: string[]): SchemaNode {
  let node = resolve(file, file.resources?.[type]);
  for (const name of names) node = resolve(file, node.properties?.[name]);
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
    it('reads each file once, on first use, under the names the validator asks for', () => {
      assert.deepStrictEqual(reads, ['cfn-schemas', 'sam-schemas']);
      assert.strictEqual(catalog.validationSchemas('cfn'), cfn);
      assert.deepStrictEqual(reads, ['cfn-schemas', 'sam-schemas']);
    });

    it('says where each file comes from, without pointing outside the repository', () => {
      for (const file of [cfn, sam]) {
        assert.match(file.generated, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(file.licence.length > 0);
        assert.ok(!file.source.includes('shared'), file.source);
      }
      assert.match(cfn.source, /@awboost\/cfn-resource-types@\d+\.\d+\.\d+/);
      assert.match(sam.source, /github\.com\/aws\/serverless-application-model commit [0-9a-f]{40}/);
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
        const attached = cfn.definitions['AWS::EC2::Instance.NetworkInterface'];
        assert.deepStrictEqual(attached.dependentExcluded?.NetworkInterfaceId, [
          'AssociatePublicIpAddress',
          'AssociateCarrierIpAddress',
        ]);
        assert.deepStrictEqual(
          cfn.definitions['AWS::EC2::LaunchTemplate.NetworkInterface'].dependentExcluded?.AssociatePublicIpAddress,
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
        const node = cfn.resources?.[type];
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
        assert.deepStrictEqual(sam.definitions.EndpointConfiguration.properties?.Type, {
          type: 'string',
          enum: ['EDGE', 'REGIONAL', 'PRIVATE'],
        });
        assert.deepStrictEqual(sam.definitions.CognitoAuthorizer.properties?.UserPoolArn, {
          type: ['string', 'array'],
          items: { type: 'string' },
        });
        assert.deepStrictEqual(sam.definitions.S3EventProperties.properties?.Events, {
          type: ['string', 'array'],
          items: { type: 'string' },
        });
        assert.deepStrictEqual(sam.definitions.DeploymentPreference.properties?.Alarms, {
          type: 'array',
          items: { type: 'string' },
        });
        assert.deepStrictEqual(sam.definitions.aws_serverless_api__ResourcePolicy.properties?.CustomStatements, {
          type: ['object', 'array'],
          items: { type: ['string', 'object'] },
        });
        // An application's Location map needs both keys (the transform's own error test); a URL or S3 path is text.
        assert.deepStrictEqual(sam.definitions.Location.required, ['ApplicationId', 'SemanticVersion']);
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
        assert.ok(sam.definitions[mapping[type]], `${type} → ${mapping[type]}`);
      }
      const api = sam.definitions[mapping.Api];
      assert.deepStrictEqual(api.properties?.Type, { type: 'string', enum: ['Api'] });
      assert.deepStrictEqual(resolve(sam, api.properties?.Properties).required, ['Method', 'Path']);
      assert.deepStrictEqual(resolve(sam, sam.definitions[mapping.SQS].properties?.Properties).required, ['Queue']);
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
      const globals = sam.definitions.Globals;
      assert.strictEqual(globals.additionalProperties, false);
      const function_ = resolve(sam, globals.properties?.Function);
      assert.strictEqual(function_.additionalProperties, false);
      assert.ok(function_.properties?.Timeout && function_.properties.Runtime && !function_.properties.Events);
    });
  });

  for (const [name, file] of [
    ['cfn-schemas', cfn],
    ['sam-schemas', sam],
  ] as const) {
    it(`${name}: every $ref resolves, every pattern compiles, no empty lists or maps`, () => {
      let patterns = 0;
      for (const [where, node] of nodes(file)) {
        if (node.$ref) assert.ok(file.definitions[node.$ref], `${where}: $ref ${node.$ref}`);
        for (const definition of Object.values(node.discriminator?.mapping ?? {}))
          assert.ok(file.definitions[definition], `${where}: ${definition}`);
        if (node.pattern !== undefined) {
          assert.doesNotThrow(() => new RegExp(node.pattern!), `${where}: /${node.pattern}/`);
          patterns++;
        }
        assert.ok(!node.required || node.required.length > 0, `${where}: empty required`);
        assert.ok(!node.properties || Object.keys(node.properties).length > 0, `${where}: empty properties`);
      }
      assert.ok(patterns > 0);
    });
  }

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
