import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { deployedResources, loadTemplate } from '../../../src/core';
import type { Template } from '../../../src/core';
import type { ResolutionInputs } from '../../../src/core/model/resolve/types';
import { resolveParameterRefs, samParameterValues } from '../../../src/core/model/sam/parameter-values';
import { load, textAt, where, yaml } from '../helpers';

/** SAM's LogicalIdGenerator suffix over the exact string the translator hashes, computed without the model. */
function sha10(data: string): string {
  return createHash('sha1').update(data, 'utf8').digest('hex').slice(0, 10);
}

function loadWith(text: string, resolution: ResolutionInputs): Template {
  const template = loadTemplate(text, 'template.yaml', { resolution });
  if (!template) throw new Error('not a template');
  return template;
}

/** The deployed resources of one CloudFormation type, as `logicalId type`. */
function deployedOfType(template: Template, type: string): string[] {
  return deployedResources(template.resources)
    .filter((d) => d.type === type)
    .map((d) => `${d.logicalId} ${d.type}`);
}

const HEADER = ['Transform: AWS::Serverless-2016-10-31'];

describe('SAM translator parity', () => {
  describe('GraphQLApi DataSource NONE', () => {
    it('adds one <Api>NoneDataSource for NONE written in any case', () => {
      const t = load(
        yaml(
          ...HEADER,
          'Resources:',
          '  Gql:',
          '    Type: AWS::Serverless::GraphQLApi',
          '    Properties:',
          '      Auth: {Type: API_KEY}',
          '      Functions:',
          '        Upper: {CodeUri: f.js, DataSource: NONE, Runtime: {Name: APPSYNC_JS, Version: 1.0.0}}',
          '        Title: {CodeUri: f.js, DataSource: None, Runtime: {Name: APPSYNC_JS, Version: 1.0.0}}',
          '        Lower: {CodeUri: f.js, DataSource: none, Runtime: {Name: APPSYNC_JS, Version: 1.0.0}}',
        ),
      );
      assert.deepEqual(deployedOfType(t, 'AWS::AppSync::DataSource'), ['GqlNoneDataSource AWS::AppSync::DataSource']);
      const source = t.resourceById.get('GqlNoneDataSource');
      assert.equal(textAt(t, source!.idSpan), 'Upper', 'caused by the first function that uses it');
      assert.deepEqual(deployedOfType(t, 'AWS::AppSync::FunctionConfiguration'), [
        'GqlUpper AWS::AppSync::FunctionConfiguration',
        'GqlTitle AWS::AppSync::FunctionConfiguration',
        'GqlLower AWS::AppSync::FunctionConfiguration',
      ]);
    });

    it('adds no NONE data source for a data source only named like it', () => {
      const t = load(
        yaml(
          ...HEADER,
          'Resources:',
          '  Gql:',
          '    Type: AWS::Serverless::GraphQLApi',
          '    Properties:',
          '      Functions: {F: {CodeUri: f.js, DataSource: Nonesuch}}',
        ),
      );
      assert.deepEqual(deployedOfType(t, 'AWS::AppSync::DataSource'), []);
    });
  });

  describe('custom domain and Route 53 logical IDs', () => {
    const TEMPLATE = yaml(
      ...HEADER,
      'Parameters:',
      '  Env: {Type: String, Default: prod}',
      '  Zone: {Type: String, Default: Z0001}',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: live',
      '      Domain:',
      "        DomainName: !Sub 'api-${Env}.${AWS::Region}.example.com'",
      '        CertificateArn: arn',
      '        Route53: {HostedZoneId: !Ref Zone}',
      '  Http:',
      '    Type: AWS::Serverless::HttpApi',
      '    Properties:',
      '      Domain:',
      '        DomainName: http.example.com',
      '        CertificateArn: arn',
      '        Route53: {HostedZoneId: !Ref Zone, SeparateRecordSetGroup: true}',
    );
    const REGION = { value: 'eu-west-1', origin: 'samconfig.toml [default] region' };

    it('hashes the domain name with parameter values and the Region substituted into Fn::Sub, as SAM does', () => {
      const t = loadWith(TEMPLATE, { region: REGION });
      assert.deepEqual(deployedOfType(t, 'AWS::ApiGateway::DomainName'), [
        `ApiGatewayDomainName${sha10('{"Fn::Sub":"api-prod.eu-west-1.example.com"}')} AWS::ApiGateway::DomainName`,
      ]);
      const domain = deployedResources(t.resources).find((d) => d.type === 'AWS::ApiGateway::DomainName')!.resource;
      assert.equal(textAt(t, domain.idSpan), 'Domain');
      assert.equal(where(t, domain.idSpan), '10:7');
    });

    it('uses a value given for the parameter over its Default', () => {
      const t = loadWith(TEMPLATE, {
        region: REGION,
        parameters: { Env: { value: 'dev', origin: '--parameter-overrides' } },
      });
      assert.deepEqual(deployedOfType(t, 'AWS::ApiGateway::DomainName'), [
        `ApiGatewayDomainName${sha10('{"Fn::Sub":"api-dev.eu-west-1.example.com"}')} AWS::ApiGateway::DomainName`,
      ]);
    });

    it('leaves ${AWS::Region} as written when the Region is not known, rather than guessing one', () => {
      const t = load(TEMPLATE);
      assert.deepEqual(deployedOfType(t, 'AWS::ApiGateway::DomainName'), [
        `ApiGatewayDomainName${sha10('{"Fn::Sub":"api-prod.${AWS::Region}.example.com"}')} AWS::ApiGateway::DomainName`,
      ]);
    });

    it('names record set groups from the resolved hosted zone, and from zone and domain when separate', () => {
      const t = load(TEMPLATE);
      assert.deepEqual(deployedOfType(t, 'AWS::Route53::RecordSetGroup'), [
        `RecordSetGroup${sha10('Z0001')} AWS::Route53::RecordSetGroup`,
        `RecordSetGroup${sha10('["Z0001","http.example.com"]')} AWS::Route53::RecordSetGroup`,
      ]);
    });
  });

  describe('resolveParameterRefs (samtranslator resolve_parameter_refs)', () => {
    const values = new Map<string, unknown>([
      ['Env', 'prod'],
      ['Size', 3],
      ['AWS::Region', 'eu-west-1'],
    ]);

    it('substitutes parameters in Ref and in both forms of Fn::Sub, and nothing else', () => {
      assert.deepEqual(resolveParameterRefs({ Ref: 'Env' }, values), 'prod');
      assert.deepEqual(resolveParameterRefs({ Ref: 'Bucket' }, values), { Ref: 'Bucket' });
      assert.deepEqual(
        resolveParameterRefs({ 'Fn::Sub': '${Env}-${Size}-${Bucket.Arn}-${!Env}-${AWS::Region}' }, values),
        { 'Fn::Sub': 'prod-3-${Bucket.Arn}-${!Env}-eu-west-1' },
      );
      assert.deepEqual(resolveParameterRefs({ 'Fn::Sub': ['${Env}.${Name}', { Name: { Ref: 'Env' } }] }, values), {
        'Fn::Sub': ['prod.${Name}', { Name: 'prod' }],
      });
      assert.deepEqual(resolveParameterRefs({ 'Fn::Join': ['-', [{ Ref: 'Env' }, 'x']] }, values), {
        'Fn::Join': ['-', ['prod', 'x']],
      });
      assert.deepEqual(resolveParameterRefs({ 'Fn::If': ['C', { Ref: 'AWS::NoValue' }, 'a'] }, values), {
        'Fn::If': ['C', { Ref: 'AWS::NoValue' }, 'a'],
      });
    });

    it('takes given values over Defaults, and the partition from the Region', () => {
      const root = load(
        yaml(
          'Parameters:',
          '  A: {Type: String, Default: a}',
          '  B: {Type: Number, Default: 2}',
          '  C: {Type: String}',
          'Resources: {}',
        ),
      ).root;
      const given = samParameterValues(root, {
        parameters: { A: { value: 'given', origin: 'test' } },
        region: { value: 'cn-north-1', origin: 'test' },
      });
      assert.deepEqual(
        [...given],
        [
          ['A', 'given'],
          ['B', 2],
          ['AWS::Region', 'cn-north-1'],
          ['AWS::Partition', 'aws-cn'],
        ],
      );
      assert.deepEqual(
        [...samParameterValues(root, undefined)],
        [
          ['A', 'a'],
          ['B', 2],
        ],
      );
    });
  });

  describe('a logical ID written twice', () => {
    it("is the last definition, at the first one's place, and is still reported", () => {
      const t = load(
        yaml(
          ...HEADER,
          'Resources:',
          '  Worker:',
          '    Type: AWS::SQS::Queue',
          '  Other:',
          '    Type: AWS::SNS::Topic',
          '  Worker:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/}',
        ),
      );
      assert.deepEqual(
        t.resources.filter((r) => r.origin === 'written').map((r) => `${r.logicalId} ${r.type}@${where(t, r.idSpan)}`),
        ['Worker AWS::Serverless::Function@7:3', 'Other AWS::SNS::Topic@5:3'],
      );
      assert.equal(t.resourceById.get('Worker')?.type, 'AWS::Serverless::Function');
      assert.ok(t.resourceById.has('WorkerRole'), 'the function that is deployed gets its role');
      const duplicates = t.problems.filter((p) => p.code === 'duplicate-key');
      assert.deepEqual(
        duplicates.map((p) => `${textAt(t, p.span)}@${where(t, p.span)}`),
        ['Worker@7:3'],
      );
    });

    it('drops the earlier definition when the last one is not a resource', () => {
      const t = load(
        yaml(...HEADER, 'Resources:', '  Q: {Type: AWS::SQS::Queue}', '  Q: 5', '  T: {Type: AWS::SNS::Topic}'),
      );
      assert.deepEqual(
        t.resources.map((r) => r.logicalId),
        ['T'],
      );
      assert.deepEqual(t.problems.map((p) => p.code).sort(), ['duplicate-key', 'template-structure']);
    });
  });

  describe('a written resource named ServerlessRestApi', () => {
    const template = (events: string): string =>
      yaml(
        ...HEADER,
        'Resources:',
        `  Fn: {Type: AWS::Serverless::Function, Properties: {Role: arn:aws:iam::1:role/r, Handler: h, Runtime: ` +
          `nodejs22.x, CodeUri: s3://b/k${events}}}`,
        '  ServerlessRestApi: {Type: AWS::S3::Bucket}',
      );

    it('is replaced by the implicit API when an Api event has no RestApiId, as SAM does', () => {
      const t = load(template(', Events: {Get: {Type: Api, Properties: {Path: /, Method: get}}}'));
      assert.deepEqual(
        deployedResources(t.resources).map((d) => `${d.logicalId.replace(/[0-9a-f]{10}$/, '#')} ${d.type}`),
        [
          'Fn AWS::Lambda::Function',
          'ServerlessRestApi AWS::ApiGateway::RestApi',
          'FnGetPermissionProd AWS::Lambda::Permission',
          'ServerlessRestApiDeployment# AWS::ApiGateway::Deployment',
          'ServerlessRestApiProdStage AWS::ApiGateway::Stage',
        ],
      );
    });

    it('stays as written when no event asks for the implicit API', () => {
      const t = load(template(''));
      assert.deepEqual(
        deployedResources(t.resources).map((d) => `${d.logicalId} ${d.type}`),
        ['Fn AWS::Lambda::Function', 'ServerlessRestApi AWS::S3::Bucket'],
      );
    });
  });
});
