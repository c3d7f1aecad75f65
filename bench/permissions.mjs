// Permission analysis (effective grants, handler scans, matching, findings) of the generated 500-resource
// template with a generated handler per function, read from memory. The first run parses every handler
// (and loads the TypeScript compiler); later runs reuse scans cached by file content, as the editor does
// while the user types in the template.
import { createRequire } from 'module';
import * as path from 'path';
import { generateSamTemplate } from './generate.mjs';
import { measure, round } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const permissions = require('../src/core/permissions/index.ts');

const ROOT = '/bench/project';

function nodeHandler(i) {
  return [
    "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
    "const { DynamoDBDocumentClient, GetCommand, PutCommand } = require('@aws-sdk/lib-dynamodb');",
    "const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');",
    'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    'const sqs = new SQSClient({});',
    `exports.handler = async (event) => {`,
    `  const found = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: event.id } }));`,
    `  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { id: '${i}', ...found.Item } }));`,
    '  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: ' +
      'JSON.stringify(event) }));',
    '  return { statusCode: 200 };',
    '};',
  ].join('\n');
}

function pythonHandler(i) {
  return [
    'import json',
    'import os',
    'import boto3',
    '',
    's3 = boto3.client("s3")',
    '',
    'def handler(event, context):',
    '    for record in event["Records"]:',
    `        s3.put_object(Bucket=os.environ.get("BUCKET", "b${i}"), Key=record["messageId"], Body=json.dumps(record))`,
    '    return {}',
  ].join('\n');
}

const RUNS = 30;
const WARMUP = 5;

/** Each run analyses a model it has never seen (built beforehand), so nothing is cached by model identity. */
function afterEdits(text, readFile, catalogue) {
  const models = Array.from({ length: RUNS + WARMUP }, () => loadTemplate(text, path.join(ROOT, 'template.yaml')));
  let next = 0;
  const cpu = process.cpuUsage();
  const timing = measure(() => permissions.analyzePermissions(models[next++], { readFile, catalogue }), {
    runs: RUNS,
    warmup: WARMUP,
  });
  const used = process.cpuUsage(cpu);
  // CPU time per run next to wall time: on a shared machine the wall clock also counts other processes.
  return { ...timing, cpuMs: round((used.user + used.system) / 1000 / (RUNS + WARMUP)) };
}

function afterFirstRun({ cpuMs, ...timing }) {
  return {
    name: 'permission analysis, 500 resources, after the first run',
    ...timing,
    target: 100,
    note:
      `a fresh model each run, as after a keystroke; handler scans cached by content; with the IAM catalogue; ` +
      `CPU ${cpuMs} ms per run`,
  };
}

export async function run() {
  const text = generateSamTemplate(500);
  const template = loadTemplate(text, path.join(ROOT, 'template.yaml'));
  const files = new Map();
  for (const fn of template.functions) {
    const dir = path.resolve(ROOT, fn.codeUri.value);
    if (fn.runtime.value.startsWith('python')) files.set(path.join(dir, 'app.py'), pythonHandler(fn.logicalId));
    else files.set(path.join(dir, 'index.js'), nodeHandler(fn.logicalId));
  }
  const readFile = (p) => files.get(p);
  permissions.clearScanCache();
  const start = performance.now();
  const first = permissions.analyzePermissions(template, { readFile });
  const firstMs = round(performance.now() - start);
  const catalogue = await permissions.loadCatalogue(permissions.servicesOf(first));
  const calls = first.functions.reduce((n, f) => n + f.calls.length, 0);
  const note = `${template.functions.length} functions, ${files.size} handlers, ${calls} SDK calls checked`;
  return [
    {
      name: 'permission analysis, 500 resources, first run (parses every handler)',
      medianMs: firstMs,
      note: `${note}; includes loading the TypeScript compiler`,
    },
    afterFirstRun(afterEdits(text, readFile, catalogue)),
  ];
}
