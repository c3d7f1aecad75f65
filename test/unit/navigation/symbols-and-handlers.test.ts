import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { documentSymbols, workspaceSymbols } from '../../../src/core/navigation/document-symbols';
import type { TemplateSymbol } from '../../../src/core/navigation/document-symbols';
import { definitionAt } from '../../../src/core/navigation/definition';
import { exportSpan, handlerUses } from '../../../src/core/navigation/handler';
import { loadTemplate } from '../../../src/core';
import type { Template } from '../../../src/core';
import { samTemplate, cursor } from './fixtures';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const read = (f: string): string | undefined => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
const example = (relative: string): Template => {
  const file = path.join(EXAMPLES, relative);
  return loadTemplate(fs.readFileSync(file, 'utf8'), file)!;
};
const outline = (symbols: readonly TemplateSymbol[], depth = 0): string[] =>
  symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`,
    ...outline(s.children, depth + 1),
  ]);

describe('outline and workspace symbols', () => {
  it('outlines a SAM template by section, resources grouped by type, functions with their events', () => {
    const lines = outline(documentSymbols(example('sam-app/template.yaml')));
    assert.deepEqual(
      lines.filter((l) => !l.startsWith('  ')),
      ['Parameters (1)', 'Resources (8)', 'Outputs (2)'],
    );
    assert.ok(lines.includes('  AWS::Serverless::Function (3)'));
    assert.ok(lines.includes('    CreateOrderFunction (AWS::Serverless::Function)'));
    assert.ok(lines.includes('      GetOrder (Api)'));
    assert.ok(lines.includes('  AWS::SQS::Queue (2)'));
  });

  it('outlines serverless.yml: custom, functions with events, resources', () => {
    const lines = outline(documentSymbols(example('serverless-app/serverless.yml')));
    assert.deepEqual(
      lines.filter((l) => !l.startsWith('  ')),
      ['custom', 'functions (3)', 'resources'],
    );
    assert.ok(lines.includes('  subscribe (src/subscribe.handler)'));
    assert.ok(lines.includes('    http (POST subscribers)'));
    assert.ok(lines.includes('    AWS::DynamoDB::Table (1)') || lines.includes('  AWS::DynamoDB::Table (1)'));
  });

  it('finds symbols across templates by a fuzzy query', () => {
    const found = workspaceSymbols(
      [example('sam-app/template.yaml'), example('serverless-app/serverless.yml')],
      'ordq',
    );
    assert.deepEqual(
      found.map((f) => f.symbol.name),
      ['OrderQueue', 'OrdersQueue', 'OrdersDeadLetterQueue'],
    );
    assert.equal(found[0].container, 'ProcessOrderFunction');
  });

  it('selection spans are names', () => {
    const t = samTemplate();
    const resources = documentSymbols(t).find((s) => s.name === 'Resources')!;
    const table = resources.children.flatMap((g) => g.children).find((s) => s.name === 'Table')!;
    assert.equal(t.text.slice(table.selectionSpan.start, table.selectionSpan.end), 'Table');
  });
});

describe('go to handler and back', () => {
  it('goes from a SAM Handler (CodeUri, Globals runtime) to the exported Node.js function', () => {
    const t = example('sam-app/template.yaml');
    const [d] = definitionAt(t, cursor(t, 'Handler: |create.handler'), { readFile: read });
    assert.equal(d.fileName, path.join(EXAMPLES, 'sam-app/src/orders/create.js'));
    assert.equal(read(d.fileName!)!.slice(d.span.start, d.span.end), 'handler');
  });

  it('goes to a Python handler', () => {
    const t = example('sam-app/template.yaml');
    const [d] = definitionAt(t, cursor(t, 'Handler: |app.handler'), { readFile: read });
    assert.equal(d.fileName, path.join(EXAMPLES, 'sam-app/src/reports/app.py'));
    assert.match(read(d.fileName!)!.slice(d.span.start - 4, d.span.end), /def handler/);
  });

  it('goes to a serverless.yml handler relative to the service folder', () => {
    const t = example('serverless-app/serverless.yml');
    const [d] = definitionAt(t, cursor(t, 'handler: src/|notify.handler'), { readFile: read });
    assert.equal(d.fileName, path.join(EXAMPLES, 'serverless-app/src/notify.js'));
  });

  it('takes CodeUri and Runtime from Globals, TypeScript sources and Python packages', () => {
    const t = loadTemplate(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    CodeUri: services/',
        '    Runtime: nodejs22.x',
        'Resources:',
        '  Ts:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: api/app.lambdaHandler',
        '  Py:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        '      CodeUri: py/',
        '      Handler: jobs.worker.run',
      ].join('\n'),
      '/w/template.yaml',
    )!;
    const files: Record<string, string> = {
      '/w/services/api/app.ts': 'export const lambdaHandler = async (): Promise<void> => {};',
      '/w/py/jobs/worker.py': 'import os\n\ndef run(event, context):\n    return 1\n',
    };
    const [ts] = definitionAt(t, cursor(t, 'api/app.|lambdaHandler'), { readFile: (f) => files[f] });
    assert.equal(ts.fileName, '/w/services/api/app.ts');
    assert.equal(files[ts.fileName!].slice(ts.span.start, ts.span.end), 'lambdaHandler');
    const [py] = definitionAt(t, cursor(t, 'jobs.|worker.run'), { readFile: (f) => files[f] });
    assert.equal(py.fileName, '/w/py/jobs/worker.py');
    assert.deepEqual(py.span, { start: 15, end: 18 });
  });

  it('says when the file exists but the export does not', () => {
    const t = loadTemplate(
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    ' +
        'Properties:\n      Runtime: nodejs22.x\n      Handler: index.missing\n',
      '/w/template.yaml',
    )!;
    const [d] = definitionAt(t, cursor(t, 'index.|missing'), {
      readFile: (f) => (f === '/w/index.js' ? 'export const handler = 1;' : undefined),
    });
    assert.equal(d.fileName, '/w/index.js');
    assert.match(d.note ?? '', /missing is not exported from index.js/);
  });

  it('finds exports in every common form', () => {
    const cases: [string, boolean][] = [
      ['export const handler = async () => {}', false],
      ['export async function handler(e) {}', false],
      ['exports.handler = async () => {}', false],
      ['module.exports.handler = () => {}', false],
      ['const handler = () => {}; module.exports = { other, handler };', false],
      ['async function handler() {}\nexport { handler };', false],
      ['import x\n\nasync def handler(event, context):\n  pass', true],
      ['def handler(event, context):\n  pass', true],
    ];
    for (const [text, python] of cases) {
      const span = exportSpan(text, 'handler', python);
      assert.ok(span, text);
      assert.equal(text.slice(span.start, span.end), 'handler', text);
    }
    assert.equal(exportSpan('export const handlerX = 1', 'handler', false), undefined);
  });

  it('finds the template functions using an export of a source file', () => {
    const file = path.join(EXAMPLES, 'sam-app/src/orders/create.js');
    const uses = handlerUses(file, read(file)!, [
      example('sam-app/template.yaml'),
      example('serverless-app/serverless.yml'),
    ]);
    assert.deepEqual(
      uses.map((u) => `${u.site.functionName} ${u.exportName}`),
      ['CreateOrderFunction handler'],
    );
  });
});
