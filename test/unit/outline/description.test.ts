import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { composeDescription, DEFAULT_DESCRIPTION_FIELDS, withCost } from '../../../src/core/outline/description';
import { outlineOf } from '../../../src/core/outline/outline';
import type { OutlineNode } from '../../../src/core/outline/outline';
import { escapeMarkdown } from '../../../src/core/outline/tooltip';
import { load, yaml } from '../helpers';

const EXAMPLE = path.resolve(__dirname, '../../../examples/sam-app/template.yaml');

function find(node: OutlineNode, label: string): OutlineNode {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.label === label) return n;
    stack.push(...n.children);
  }
  assert.fail(`${label} in the outline`);
}

describe('explorer descriptions and tooltips', () => {
  const root = outlineOf(load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE), 'sam-app/template.yaml');
  const report = find(root, 'ReportFunction');

  it('puts runtime, memory, timeout and cost in that order by default, so a narrow sidebar cuts the cost', () => {
    assert.deepEqual(DEFAULT_DESCRIPTION_FIELDS, ['runtime', 'memory', 'timeout', 'cost']);
    assert.equal(
      composeDescription({ ...report.parts, cost: '≈ $1.20/mo' }, DEFAULT_DESCRIPTION_FIELDS),
      'python3.12 · 1024 MB · 10 s · ≈ $1.20/mo',
    );
  });

  it("follows the user's choice of fields and order, and leaves out what is not chosen", () => {
    const parts = { ...report.parts, cost: '≈ $1.20/mo' };
    assert.equal(composeDescription(parts, ['cost', 'memory']), '≈ $1.20/mo · 1024 MB');
    assert.equal(composeDescription(parts, ['timeout', 'runtime']), '10 s · python3.12');
    // No cost known yet (the estimate has not run): the other fields close up.
    assert.equal(composeDescription(report.parts!, DEFAULT_DESCRIPTION_FIELDS), 'python3.12 · 1024 MB · 10 s');
  });

  it("places a template's or resource's cost where the chosen order puts it", () => {
    assert.equal(
      withCost('SAM · 12 resources', '≈ $3.00/mo', DEFAULT_DESCRIPTION_FIELDS),
      'SAM · 12 resources · ≈ $3.00/mo',
    );
    assert.equal(withCost('SAM · 12 resources', '≈ $3.00/mo', ['cost', 'runtime']), '≈ $3.00/mo · SAM · 12 resources');
    assert.equal(withCost('SAM · 12 resources', '≈ $3.00/mo', ['runtime', 'memory']), 'SAM · 12 resources');
  });

  it('shows every setting of a function with where it came from, then its events and policies', () => {
    assert.equal(
      report.markdownTooltip,
      [
        '**ReportFunction** — `AWS::Serverless::Function`',
        '',
        '| Setting | Value | From |',
        '|:--|:--|:--|',
        '| Runtime | python3.12 | own |',
        '| Handler | app.handler | own |',
        '| Memory | 1024 MB | own |',
        '| Timeout | 10 s | Globals |',
        '| Architecture | arm64 | Globals |',
        '| Ephemeral storage | 512 MB | Lambda default |',
        '| Code | src/reports/ | own |',
        '',
        '**Events** (1)',
        '',
        '- DailyReport: HttpApi GET /reports/\\{day\\}',
        '',
        '**Policies** (2)',
        '',
        '- DynamoDBReadPolicy: \\{TableName\\}',
        '- S3CrudPolicy: \\{BucketName\\}',
      ].join('\n'),
    );
  });

  it('says what produced a value that is not written in place, and why a value is unknown', () => {
    const fn = find(
      outlineOf(
        load(
          yaml(
            'Transform: AWS::Serverless-2016-10-31',
            'Parameters:',
            '  Mem:',
            '    Type: Number',
            '    Default: 2048',
            'Resources:',
            '  Fn:',
            '    Type: AWS::Serverless::Function',
            '    Properties:',
            '      Runtime: !Ref Rt',
            '      Handler: a.b',
            '      MemorySize: !Ref Mem',
          ),
          'template.yaml',
        ),
        't',
      ),
      'Fn',
    );
    const rows = fn.markdownTooltip!.split('\n').filter((l) => /^\| (Runtime|Memory|Timeout) /.test(l));
    assert.deepEqual(rows, [
      '| Runtime | ? | own — unknown: Rt is not a parameter or resource of this template |',
      '| Memory | 2048 MB | own — Default of parameter Mem |',
      '| Timeout | 3 s | Lambda default |',
    ]);
  });

  it('says what generates a generated resource', () => {
    assert.equal(
      find(root, 'ReportFunctionRole').markdownTooltip,
      '**ReportFunctionRole** — `AWS::IAM::Role`\n\nGenerated from **ReportFunction**: SAM creates an execution role ' +
        'for a function without Role',
    );
  });

  it('escapes template text that Markdown would read as syntax', () => {
    assert.equal(escapeMarkdown('a|b *c* [d](e) `f`'), 'a\\|b \\*c\\* \\[d\\]\\(e\\) \\`f\\`');
  });
});
