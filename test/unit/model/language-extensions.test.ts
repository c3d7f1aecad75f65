import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { definitionAt, loadTemplate, prepareRename, toPlain } from '../../../src/core';
import type { Template } from '../../../src/core';
import { analyzeTemplate } from '../../../src/core/rules';
import { hasShared, load, SHARED, textAt, where, yaml } from '../helpers';

const TODAY = '2025-06-01';
const header = (...lines: string[]) =>
  yaml("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::LanguageExtensions', ...lines);

const plainOf = (t: Template, section: 'resources' | 'outputs' | 'conditions'): Record<string, unknown> =>
  Object.fromEntries(
    section === 'resources'
      ? t.resources.map((r) => [r.logicalId, toPlain(r.node!)])
      : t[section].map((e) => [e.name, toPlain(e.value)]),
  );

interface Case {
  readonly name: string;
  readonly text: string;
  readonly section: 'resources' | 'outputs' | 'conditions';
  readonly expected: Record<string, unknown>;
  readonly resolution?: Parameters<typeof loadTemplate>[2];
}

const topic = (name: string, display: string) => ({
  Type: 'AWS::SNS::Topic',
  Properties: { TopicName: { 'Fn::Sub': `topic-${name}-\${AWS::Region}` }, DisplayName: display },
});

const CASES: Case[] = [
  {
    name: 'a simple loop: ${} in the key and in Fn::Sub, Ref to the identifier',
    text: header(
      'Resources:',
      "  'Fn::ForEach::Topics':",
      '    - TopicName',
      '    - [Orders, Users]',
      "    - 'SNSTopic${TopicName}':",
      '        Type: AWS::SNS::Topic',
      '        Properties:',
      "          TopicName: !Sub 'topic-${TopicName}-${AWS::Region}'",
      '          DisplayName: !Ref TopicName',
    ),
    section: 'resources',
    expected: { SNSTopicOrders: topic('Orders', 'Orders'), SNSTopicUsers: topic('Users', 'Users') },
  },
  {
    name: 'nested loops (the RFC example): inner keys use both identifiers, Fn::Sub inside Ref becomes the name',
    text: header(
      'Resources:',
      "  'Fn::ForEach::SubnetResources':",
      '    - Prefix',
      '    - [Transit, Public]',
      "    - 'Nacl${Prefix}Subnet':",
      '        Type: AWS::EC2::NetworkAcl',
      "      'Fn::ForEach::LoopInner':",
      '        - Suffix',
      '        - [A, B]',
      "        - '${Prefix}Subnet${Suffix}':",
      '            Type: AWS::EC2::Subnet',
      "          'Nacl${Prefix}Subnet${Suffix}Association':",
      '            Type: AWS::EC2::SubnetNetworkAclAssociation',
      '            Properties:',
      '              SubnetId: !Ref',
      "                'Fn::Sub': '${Prefix}Subnet${Suffix}'",
    ),
    section: 'resources',
    expected: {
      NaclTransitSubnet: { Type: 'AWS::EC2::NetworkAcl' },
      TransitSubnetA: { Type: 'AWS::EC2::Subnet' },
      NaclTransitSubnetAAssociation: {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { SubnetId: { Ref: 'TransitSubnetA' } },
      },
      TransitSubnetB: { Type: 'AWS::EC2::Subnet' },
      NaclTransitSubnetBAssociation: {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { SubnetId: { Ref: 'TransitSubnetB' } },
      },
      NaclPublicSubnet: { Type: 'AWS::EC2::NetworkAcl' },
      PublicSubnetA: { Type: 'AWS::EC2::Subnet' },
      NaclPublicSubnetAAssociation: {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { SubnetId: { Ref: 'PublicSubnetA' } },
      },
      PublicSubnetB: { Type: 'AWS::EC2::Subnet' },
      NaclPublicSubnetBAssociation: {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { SubnetId: { Ref: 'PublicSubnetB' } },
      },
    },
  },
  {
    name: '&{} drops the non-alphanumeric characters in keys; ${} keeps them in values',
    text: header(
      'Resources:',
      "  'Fn::ForEach::Buckets':",
      '    - Cidr',
      "    - ['10.0.0.0/24', '10.0.1.0/24']",
      "    - 'Subnet&{Cidr}':",
      '        Type: AWS::EC2::Subnet',
      '        Properties:',
      '          CidrBlock: !Ref Cidr',
      "          Tags: [{Key: Name, Value: !Sub 'net-${Cidr}'}]",
    ),
    section: 'resources',
    expected: {
      Subnet1000024: {
        Type: 'AWS::EC2::Subnet',
        Properties: { CidrBlock: '10.0.0.0/24', Tags: [{ Key: 'Name', Value: 'net-10.0.0.0/24' }] },
      },
      Subnet1001024: {
        Type: 'AWS::EC2::Subnet',
        Properties: { CidrBlock: '10.0.1.0/24', Tags: [{ Key: 'Name', Value: 'net-10.0.1.0/24' }] },
      },
    },
  },
  {
    name: "the collection is a CommaDelimitedList parameter's Default",
    text: header(
      'Parameters:',
      '  Names:',
      '    Type: CommaDelimitedList',
      '    Default: Red,Blue',
      'Resources:',
      "  'Fn::ForEach::Queues':",
      '    - Name',
      '    - !Ref Names',
      "    - '${Name}Queue':",
      '        Type: AWS::SQS::Queue',
    ),
    section: 'resources',
    expected: { RedQueue: { Type: 'AWS::SQS::Queue' }, BlueQueue: { Type: 'AWS::SQS::Queue' } },
  },
  {
    name: 'an override of the parameter wins over its Default',
    text: header(
      'Parameters:',
      '  Names:',
      '    Type: CommaDelimitedList',
      '    Default: Red,Blue',
      'Resources:',
      "  'Fn::ForEach::Queues':",
      '    - Name',
      '    - !Ref Names',
      "    - '${Name}Queue':",
      '        Type: AWS::SQS::Queue',
    ),
    resolution: { resolution: { parameters: { Names: { value: 'Green', origin: '--parameter-overrides' } } } },
    section: 'resources',
    expected: { GreenQueue: { Type: 'AWS::SQS::Queue' } },
  },
  {
    name: 'a loop in Outputs, nested, with GetAtt of a Sub and a Ref to the inner identifier',
    text: header(
      'Outputs:',
      "  'Fn::ForEach::BucketOutputs':",
      '    - Id',
      '    - [A, B]',
      "    - 'Fn::ForEach::GetAttLoop':",
      '        - Property',
      '        - [Arn, DomainName]',
      "        - 'S3Bucket${Id}${Property}':",
      '            Value: !GetAtt [!Sub "S3Bucket${Id}", {"Ref": "Property"}]',
    ),
    section: 'outputs',
    expected: {
      S3BucketAArn: { Value: { 'Fn::GetAtt': ['S3BucketA', 'Arn'] } },
      S3BucketADomainName: { Value: { 'Fn::GetAtt': ['S3BucketA', 'DomainName'] } },
      S3BucketBArn: { Value: { 'Fn::GetAtt': ['S3BucketB', 'Arn'] } },
      S3BucketBDomainName: { Value: { 'Fn::GetAtt': ['S3BucketB', 'DomainName'] } },
    },
  },
  {
    name: 'a loop in Conditions (the cfn-lint fixture): Ref of a Sub names a parameter',
    text: header(
      'Conditions:',
      "  'Fn::ForEach::CheckTrue':",
      '    - Identifier',
      '    - [A, B]',
      "    - 'IsParam${Identifier}Enabled': !Equals [!Ref {'Fn::Sub': 'Param${Identifier}'}, 'true']",
      '  Other: !Equals [a, b]',
    ),
    section: 'conditions',
    expected: {
      IsParamAEnabled: { 'Fn::Equals': [{ Ref: 'ParamA' }, 'true'] },
      IsParamBEnabled: { 'Fn::Equals': [{ Ref: 'ParamB' }, 'true'] },
      Other: { 'Fn::Equals': ['a', 'b'] },
    },
  },
  {
    name: 'a loop inside resource properties merges its keys into the properties',
    text: header(
      'Resources:',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      "      'Fn::ForEach::Tags':",
      '        - Key',
      '        - [Stream, Ttl]',
      "        - '${Key}Specification': {Enabled: true}",
    ),
    section: 'resources',
    expected: {
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { Enabled: true },
          TtlSpecification: { Enabled: true },
        },
      },
    },
  },
];

describe('AWS::LanguageExtensions Fn::ForEach', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const t = loadTemplate(c.text, 'template.yaml', c.resolution)!;
      assert.deepEqual(t.problems, []);
      assert.deepEqual(plainOf(t, c.section), c.expected);
      assert.deepEqual(
        Object.keys(plainOf(t, c.section)),
        Object.keys(c.expected),
        'in the order CloudFormation lists them',
      );
    });
  }

  const topics = header(
    'Resources:',
    "  'Fn::ForEach::Topics':",
    '    - TopicName',
    '    - [A, B]',
    "    - 'SNSTopic${TopicName}':",
    '        Type: AWS::SNS::Topic',
    '        Properties:',
    "          TopicName: !Sub 'topic-${TopicName}-${AWS::StackName}'",
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      QueueName: !GetAtt SNSTopicA.TopicName',
    '      Tags: [{Key: t, Value: !Ref SNSTopicB}]',
  );

  it(
    'an expanded resource is on its output key, says which ' + 'loop made it, and its nodes keep the loop body spans',
    () => {
      const t = load(topics);
      const b = t.resourceById.get('SNSTopicB')!;
      assert.equal(b.origin, 'written');
      assert.equal(textAt(t, b.idSpan), "'SNSTopic${TopicName}'");
      assert.equal(where(t, b.idSpan), '7:7');
      assert.equal(b.expandedFrom?.loop, 'Topics');
      assert.equal(textAt(t, b.expandedFrom!.span), "'Fn::ForEach::Topics'");
      const name = b.properties!.entries[0];
      assert.deepEqual(toPlain(name.value), { 'Fn::Sub': 'topic-B-${AWS::StackName}' });
      assert.equal(textAt(t, name.value.span), "!Sub 'topic-${TopicName}-${AWS::StackName}'");
      assert.equal(t.resourceById.get('Queue')!.expandedFrom, undefined);
    },
  );

  it('go to definition of a Ref to an expanded resource lands on the loop output key', () => {
    const t = load(topics);
    const at = t.text.indexOf('!Ref SNSTopicB') + '!Ref '.length + 1;
    assert.deepEqual(
      definitionAt(t, at).map((d) => textAt(t, d.span)),
      ["'SNSTopic${TopicName}'"],
    );
  });

  it('renaming an expanded logical ID is refused with the loop to edit', () => {
    const t = load(topics);
    const at = t.text.indexOf('!Ref SNSTopicB') + '!Ref '.length + 1;
    assert.deepEqual(prepareRename(t, at), {
      error: "SNSTopicB is made by the loop Fn::ForEach::Topics from 'SNSTopic${TopicName}'; edit the loop instead.",
    });
  });

  it('lints with no undefined references: expanded names resolve and the identifier is not a name', () => {
    const findings = analyzeTemplate(load(topics), { today: TODAY }).findings;
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.message}`),
      [],
    );
  });

  it('a real undefined name inside a loop is reported once, at its place in the body', () => {
    const t = load(
      header(
        'Resources:',
        "  'Fn::ForEach::Topics':",
        '    - TopicName',
        '    - [A, B, C]',
        "    - 'SNSTopic${TopicName}':",
        '        Type: AWS::SNS::Topic',
        '        Properties:',
        '          KmsMasterKeyId: !Ref MissingKey',
      ),
    );
    const errors = analyzeTemplate(t, { today: TODAY }).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => [f.ruleId, where(t, f.span), textAt(t, f.span)]),
      [['ref-undefined', '10:32', 'MissingKey']],
    );
  });

  it(
    'a collection known only at deploy is an info at the collection; names it may make and its identifier are ' +
      'not undefined',
    () => {
      const t = load(
        header(
          'Parameters:',
          '  Env:',
          '    Type: String',
          'Mappings:',
          '  Buckets:',
          '    Prod: {Ids: [A, B]}',
          'Resources:',
          "  'Fn::ForEach::Buckets':",
          '    - Id',
          '    - !FindInMap [Buckets, !Ref Env, Ids]',
          "    - 'Bucket${Id}':",
          '        Type: AWS::S3::Bucket',
          '        Properties:',
          "          BucketName: !Sub 'b-${Id}'",
          '  Policy:',
          '    Type: AWS::S3::BucketPolicy',
          '    Properties:',
          '      Bucket: !Ref BucketA',
          '      PolicyDocument: {}',
        ),
      );
      assert.deepEqual(
        t.resources.map((r) => r.logicalId),
        ['Policy'],
      );
      assert.deepEqual(
        t.problems.map((p) => [p.severity, where(t, p.span), textAt(t, p.span), p.message]),
        [
          [
            'info',
            '12:7',
            '!FindInMap [Buckets, !Ref Env, Ids]',
            'The collection of Fn::ForEach::Buckets is only known at deploy (parameter Env has no Default and no ' +
              'value was given), so what it produces is not listed.',
          ],
        ],
      );
      const findings = analyzeTemplate(t, { today: TODAY }).findings;
      assert.deepEqual(
        findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.message}`),
        [],
      );
    },
  );

  it('a loop with the wrong number of items is an error on the loop, and makes nothing', () => {
    const t = load(
      header(
        'Resources:',
        "  'Fn::ForEach::Topics':",
        '    - TopicName',
        "    - 'SNSTopic${TopicName}':",
        '        Type: AWS::SNS::Topic',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
      ),
    );
    assert.deepEqual(
      t.resources.map((r) => r.logicalId),
      ['Queue'],
    );
    assert.deepEqual(
      t.problems.map((p) => [p.severity, where(t, p.span), p.message]),
      [
        [
          'error',
          '5:5',
          'Fn::ForEach::Topics takes a list of 3 items, [Identifier, Collection, {OutputKey: OutputValue}]; ' +
            'found 2 items.',
        ],
      ],
    );
  });

  it('two loop copies with the same key are an error at the output key', () => {
    const t = load(
      header(
        'Resources:',
        "  'Fn::ForEach::Topics':",
        '    - TopicName',
        '    - [A, A]',
        "    - 'SNSTopic${TopicName}':",
        '        Type: AWS::SNS::Topic',
      ),
    );
    assert.deepEqual(
      t.resources.map((r) => r.logicalId),
      ['SNSTopicA'],
    );
    assert.deepEqual(
      t.problems.map((p) => [p.severity, where(t, p.span)]),
      [['error', '7:7']],
    );
    assert.match(t.problems[0].message, /produces 'SNSTopicA', which already exists here/);
  });

  it('a loop without the transform is an error on the loop key, and is still expanded', () => {
    const t = load(
      yaml(
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Resources:',
        "  'Fn::ForEach::Topics':",
        '    - TopicName',
        '    - [A]',
        "    - 'SNSTopic${TopicName}':",
        '        Type: AWS::SNS::Topic',
      ),
    );
    assert.deepEqual(
      t.resources.map((r) => r.logicalId),
      ['SNSTopicA'],
    );
    assert.deepEqual(
      t.problems.map((p) => [p.severity, textAt(t, p.span), p.message]),
      [
        [
          'error',
          "'Fn::ForEach::Topics'",
          "Fn::ForEach needs 'Transform: AWS::LanguageExtensions'; without it CloudFormation rejects the template.",
        ],
      ],
    );
  });

  it('DeletionPolicy and UpdateReplacePolicy given as intrinsics are not reported', () => {
    const t = load(
      header(
        'Parameters:',
        '  Policy: {Type: String, Default: Retain}',
        'Conditions:',
        "  IsProd: !Equals [!Ref 'AWS::Region', us-east-1]",
        'Resources:',
        '  Table:',
        '    Type: AWS::SQS::Queue',
        '    DeletionPolicy: !Ref Policy',
        '    UpdateReplacePolicy: !If [IsProd, Retain, Delete]',
      ),
    );
    assert.deepEqual(
      analyzeTemplate(t, { today: TODAY }).findings.map((f) => `${f.ruleId} ${f.message}`),
      [],
    );
  });

  describe('cfn-lint fixtures that use the transform', function () {
    const folder = path.join(SHARED, 'corpus', 'cfn-lint-fixtures', 'templates', 'good');
    before(function () {
      if (!hasShared) this.skip();
    });
    it('have no error findings', () => {
      const files = listFiles(folder).filter((f) => /LanguageExtensions|Fn::ForEach/.test(fs.readFileSync(f, 'utf8')));
      assert.ok(files.length >= 5, `found ${files.length} templates`);
      const errors = files.flatMap((f) => {
        const t = loadTemplate(fs.readFileSync(f, 'utf8'), f)!;
        return analyzeTemplate(t, { today: TODAY })
          .findings.filter((x) => x.severity === 'error')
          .map((x) => `${path.relative(folder, f)}:${where(t, x.span)} ${x.ruleId} ${x.message}`);
      });
      assert.deepEqual(errors, []);
    });
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : /\.(ya?ml|json)$/.test(e.name) ? [full] : [];
  });
}
