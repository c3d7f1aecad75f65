import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeTemplate } from '../../../src/core/rules';
import { SchemaCatalog } from '../../../src/core/schema/catalog';
import { schemaViolations } from '../../../src/core/schema/validation/template';
import { load, yaml } from '../helpers';
import { rangeOf, TODAY } from './rule-tester';
import { cfnFixtureFile, fixtureCatalog, fixtureSamFile } from './schema/fixtures';
import { catalog } from '../completion/catalog';

const DATA = path.resolve(__dirname, '../../../data');

/** Issue 12's new user: every typo in this template lints clean without schema validation. */
const ISSUE_TEMPLATE = yaml(
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  HelloFunction:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: index.handler',
  '      Runtime: nodejs22.x',
  '      CodeUri: src/',
  '      MemorySzie: 512',
  '      Timeout: "abc"',
  '      Events:',
  '        Hello:',
  '          Type: Api',
  '          Properties:',
  '            Path: /hello',
  '            Methd: get',
  '  Table:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      BillingMode: PAY_PER_REQUST',
  '      KeySchema:',
  '        - AttributeName: id',
  '          KeyType: HASH',
);

const EXPECTED = [
  { rule: 'schema-unknown-property', range: '9:7-9:17', text: 'MemorySzie', message: /Did you mean 'MemorySize'\?/ },
  { rule: 'schema-type', range: '10:16-10:21', text: '"abc"', message: /must be an integer, not "abc"/ },
  {
    rule: 'schema-required-property',
    range: '14:11-14:21',
    text: 'Properties',
    message: /missing the required property 'Method'/,
  },
  { rule: 'schema-unknown-property', range: '16:13-16:18', text: 'Methd', message: /Did you mean 'Method'\?/ },
  { rule: 'schema-enum', range: '20:20-20:34', text: 'PAY_PER_REQUST', message: /Did you mean 'PAY_PER_REQUEST'\?/ },
  { rule: 'schema-dependencies', range: '21:7-21:16', text: 'KeySchema', message: /needs 'AttributeDefinitions' too/ },
];

function issueFindings(catalog: SchemaCatalog) {
  const template = load(ISSUE_TEMPLATE);
  const findings = analyzeTemplate(template, { today: TODAY, schemas: catalog }).findings.filter((f) =>
    f.ruleId.startsWith('schema-'),
  );
  return findings.map((f) => ({
    rule: f.ruleId,
    range: rangeOf(template, f),
    text: template.text.slice(f.span.start, f.span.end),
    message: f.message,
    severity: f.severity,
  }));
}

function assertIssueFindings(catalog: SchemaCatalog): void {
  const found = issueFindings(catalog);
  assert.deepEqual(
    found.map(({ rule, range, text }) => ({ rule, range, text })),
    EXPECTED.map(({ rule, range, text }) => ({ rule, range, text })),
    found.map((f) => f.message).join('\n'),
  );
  EXPECTED.forEach((e, i) => assert.match(found[i].message, e.message));
  assert.ok(found.every((f) => f.severity === 'error'));
}

describe("issue 12: the new user's typos", () => {
  it('are each reported at the key or value, with the fixture schemas', () => {
    assertIssueFindings(fixtureCatalog);
  });

  it('are each reported with the schemas the extension ships', () => {
    assertIssueFindings(catalog);
  });

  it('are found in one validation pass that the seven rules share', () => {
    const template = load(ISSUE_TEMPLATE);
    const first = schemaViolations(template, fixtureCatalog);
    assert.equal(schemaViolations(template, fixtureCatalog), first);
    assert.notEqual(schemaViolations(load(ISSUE_TEMPLATE), fixtureCatalog), first);
  });

  it(
    'reads no schema until a template is analysed, then the type index and the validation schemas of the ' +
      'services it uses, once',
    () => {
      const read: string[] = [];
      const catalog = new SchemaCatalog((name) => {
        read.push(name);
        const cfnFile = cfnFixtureFile(name);
        if (cfnFile) return cfnFile;
        if (name === 'sam-schemas') return fixtureSamFile;
        // The structural rules (resource-type-unknown, getatt-attribute-invalid) read the resource type index.
        return JSON.parse(fs.readFileSync(path.join(DATA, `${name}.json`), 'utf8'));
      });
      assert.deepEqual(read, []);
      const result = analyzeTemplate(load(ISSUE_TEMPLATE), { today: TODAY, schemas: catalog });
      assert.deepEqual(result.crashes, []);
      // The function is SAM's (sam-schemas), the table DynamoDB's: no other CloudFormation service is read.
      assert.deepEqual(read.sort(), [
        'cfn-resource-types',
        'cfn-schemas/AWS-DynamoDB',
        'cfn-schemas/namespaces',
        'sam-resource-types',
        'sam-schemas',
      ]);
    },
  );
});
