// Model build time (text → Template) for generated serverless.yml files: variables, provider defaults,
// events and the generated resources of every function.
import { createRequire } from 'module';
import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { parseDocument } = require('yaml');

/** A service with `count` functions, each with an event, environment and variables of several sources. */
export function generateServerlessYaml(count) {
  const lines = [
    'service: bench',
    'frameworkVersion: "3"',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    "  stage: ${opt:stage, 'dev'}",
    '  region: ${opt:region, self:custom.region}',
    '  memorySize: 512',
    '  environment:',
    '    STAGE: ${sls:stage}',
    '    SECRET: ${ssm:/bench/${sls:stage}/secret}',
    '  iam:',
    '    role:',
    '      statements:',
    '        - Effect: Allow',
    '          Action: [dynamodb:GetItem, dynamodb:PutItem]',
    '          Resource: "*"',
    'custom:',
    '  region: eu-west-1',
    '  settings: ${file(./settings.yml)}',
    '  tableName: ${self:service}-${sls:stage}-table',
    'functions:',
  ];
  const events = [
    (i) => [`      - http: GET items${i}/{id}`],
    (i) => ['      - httpApi:', '          method: POST', `          path: /orders${i}`],
    (i) => [
      '      - sqs:',
      `          arn: arn:aws:sqs:\${self:provider.region}:123456789012:queue${i}`,
      '          batchSize: 10',
    ],
    (i) => ['      - schedule: rate(5 minutes)', `      - sns: topic${i}`],
    (i) => ['      - stream:', '          type: dynamodb', `          arn: !GetAtt Table${i}.StreamArn`],
  ];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  fn-${i}:`,
      `    handler: src/fn${i}.handler`,
      '    timeout: ${self:custom.settings.timeout}',
      '    environment:',
      '      TABLE: ${self:custom.tableName}',
      `      INDEX: "${i}"`,
      '    events:',
      ...events[i % events.length](i),
    );
  }
  lines.push('resources:', '  Resources:');
  for (let i = 0; i < count / 5; i++) {
    lines.push(
      `    Table${i}:`,
      '      Type: AWS::DynamoDB::Table',
      '      Properties:',
      `        TableName: \${self:custom.tableName}-${i}`,
      '        BillingMode: PAY_PER_REQUEST',
    );
  }
  return `${lines.join('\n')}\n`;
}

const files = { './settings.yml': 'timeout: 20\nretries: 3\n' };

export async function run() {
  const rows = [];
  for (const [count, target] of [
    [500, 60],
    [2000, undefined],
  ]) {
    const text = generateServerlessYaml(count);
    const kb = Math.round(text.length / 1024);
    const template = loadTemplate(text, 'serverless.yml', { readFile: (p) => files[p] });
    const note =
      `${template.functions.length} functions, ${template.resources.length} ` +
      `resources, ${template.serverless.unresolvedVariables.length} unresolved variables`;
    rows.push({
      name: `yaml.parseDocument alone, ${count} functions (${kb} KB)`,
      ...measure(() => parseDocument(text)),
      note: 'reference: the parser without our model',
    });
    rows.push({
      name: `serverless.yml model build, ${count} functions (${kb} KB)`,
      ...measure(() => loadTemplate(text, 'serverless.yml', { readFile: (p) => files[p] })),
      target,
      note,
    });
  }
  return rows;
}
