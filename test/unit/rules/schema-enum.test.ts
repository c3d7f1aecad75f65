import { strict as assert } from 'assert';
import { schemaEnum } from '../../../src/core/rules/schema';
import { load } from '../helpers';
import { applyEdits, run, withSections } from './rule-tester';
import { cfnResource, fixtureCatalog, samResource, schemaTester } from './schema/fixtures';

const table = (...props: string[]) =>
  cfnResource('AWS::DynamoDB::Table', 'KeySchema: []', 'AttributeDefinitions: []', ...props);

schemaTester(schemaEnum, {
  valid: [
    { name: 'an allowed value', text: table('BillingMode: PAY_PER_REQUEST') },
    { name: 'an allowed value in a list item', text: samResource('Architectures: [arm64]') },
    {
      name: 'a parameter without a Default is unknown',
      text: withSections(table('BillingMode: !Ref Mode'), 'Parameters:', '  Mode:', '    Type: String'),
    },
    { name: 'a dynamic reference', text: table("BillingMode: '{{resolve:ssm:/billing-mode}}'") },
    {
      name: 'a known event type',
      text: samResource(
        'Events:',
        '  Q:',
        '    Type: SQS',
        '    Properties:',
        '      Queue: arn:aws:sqs:us-east-1:123456789012:q',
      ),
    },
    {
      name: 'an override that is allowed',
      text: withSections(
        table('BillingMode: !Ref Mode'),
        'Parameters:',
        '  Mode:',
        '    Type: String',
        '    Default: PAY_PER_REQUST',
      ),
      resolution: {
        parameters: { Mode: { value: 'PROVISIONED', origin: 'samconfig.toml [default] parameter_overrides' } },
      },
    },
  ],
  invalid: [
    {
      name: 'the issue: PAY_PER_REQUST',
      text: table('BillingMode: PAY_PER_REQUST'),
      findings: [
        {
          range: '7:20-7:34',
          text: 'PAY_PER_REQUST',
          message:
            /^'PAY_PER_REQUST' is not an allowed value of Properties\.BillingMode of R \(AWS::DynamoDB::Table\)\. Allowed: PROVISIONED, PAY_PER_REQUEST\. Did you mean 'PAY_PER_REQUEST'\?$/,
        },
      ],
    },
    {
      name: 'in a list',
      text: samResource('Architectures: [arm46]'),
      findings: [{ range: '6:23-6:28', text: 'arm46', message: /Did you mean 'arm64'/ }],
    },
    {
      name: 'a parameter Default, at the Ref',
      text: withSections(
        table('BillingMode: !Ref Mode'),
        'Parameters:',
        '  Mode:',
        '    Type: String',
        '    Default: ONDEMAND',
      ),
      findings: [{ range: '11:20-11:29', text: '!Ref Mode', message: /'ONDEMAND' \(Default of parameter Mode\)/ }],
    },
    {
      name: 'a samconfig override, at the Ref, saying where it came from',
      text: withSections(
        table('BillingMode: !Ref Mode'),
        'Parameters:',
        '  Mode:',
        '    Type: String',
        '    Default: PROVISIONED',
      ),
      resolution: { parameters: { Mode: { value: 'CHEAP', origin: 'samconfig.toml [default] parameter_overrides' } } },
      findings: [
        {
          range: '11:20-11:29',
          text: '!Ref Mode',
          message: /'CHEAP' \(parameter Mode from samconfig\.toml \[default\] parameter_overrides\)/,
        },
      ],
    },
    {
      name: 'an event type SAM does not have',
      text: samResource('Events:', '  Q:', '    Type: Sqs', '    Properties:', '      Queue: q'),
      findings: [{ range: '8:17-8:20', text: 'Sqs', message: /Allowed: Api, SQS\. Did you mean 'SQS'\?/ }],
    },
  ],
});

describe('schema-enum quick fix', () => {
  const fixed = (text: string, fileName?: string): string => {
    const template = load(text, fileName);
    const [finding] = run(template, schemaEnum, { schemas: fixtureCatalog });
    return applyEdits(text, finding.fixes[0].edits);
  };

  it('replaces a plain value', () => {
    assert.equal(fixed(table('BillingMode: PAY_PER_REQUST')), table('BillingMode: PAY_PER_REQUEST'));
  });

  it('keeps single and double quotes', () => {
    assert.equal(fixed(table("BillingMode: 'PAY_PER_REQUST'")), table("BillingMode: 'PAY_PER_REQUEST'"));
    assert.equal(fixed(table('BillingMode: "PAY_PER_REQUST"')), table('BillingMode: "PAY_PER_REQUEST"'));
  });

  it('replaces in JSON', () => {
    const text =
      '{"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {"KeySchema": [], ' +
      '"AttributeDefinitions": [], "BillingMode": "PAY_PER_REQUST"}}}}';
    assert.equal(fixed(text, 'template.json'), text.replace('PAY_PER_REQUST', 'PAY_PER_REQUEST'));
  });

  it('offers no fix for a value that comes from a parameter', () => {
    const template = load(
      withSections(
        table('BillingMode: !Ref Mode'),
        'Parameters:',
        '  Mode:',
        '    Type: String',
        '    Default: PAY_PER_REQUST',
      ),
    );
    assert.deepEqual(run(template, schemaEnum, { schemas: fixtureCatalog })[0].fixes, []);
  });
});
