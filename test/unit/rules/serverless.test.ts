import { strict as assert } from 'assert';
import { analyzeTemplate, suppressionFix } from '../../../src/core/rules';
import { load, textAt, where, yaml } from '../helpers';
import { applyEdits, rangeOf, TODAY } from './rule-tester';

const SERVICE = yaml(
  'service: orders',
  'provider:',
  '  name: aws',
  '  runtime: nodejs18.x',
  '  memorySize: 20000',
  'functions:',
  '  hello:',
  '    handler: handler.hello',
  '    timeout: 1000',
  '    environment:',
  '      DB_PASSWORD: hunter2hunter2',
  '  world:',
  '    handler: handler.world',
  '    memorySize: 512',
);

describe('rules on serverless.yml, positioned on its lines', function () {
  const template = load(SERVICE, '/project/serverless.yml');
  before(function () {
    // The Serverless Framework model fills `functions`; until it is present there is nothing to position.
    if (template.functions.length === 0) this.skip();
  });

  const findings = () =>
    analyzeTemplate(template, { today: TODAY }).findings.map((f) => `${f.ruleId} ${rangeOf(template, f)} ${f.message}`);

  it(
    'reports a provider value once on the provider line, ' + 'naming and pointing at each function that inherits it',
    () => {
      const result = analyzeTemplate(template, { today: TODAY }).findings;
      const runtime = result.filter((f) => f.ruleId === 'runtime-deprecated');
      assert.deepEqual(
        runtime.map((f) => `${rangeOf(template, f)} ${f.message}`),
        [
          "4:12-4:22 Each of functions 'hello' and 'world' uses nodejs18.x, deprecated on 2025-09-01: it no longer " +
            'gets security patches. Move to nodejs24.x. (set in provider)',
        ],
      );
      assert.deepEqual(
        runtime[0].related.map((r) => `${where(template, r.span)} ${textAt(template, r.span)}: ${r.message}`),
        [
          "7:3 hello: 'hello' inherits this value from provider",
          "12:3 world: 'world' inherits this value from provider",
        ],
      );
      assert.deepEqual(
        runtime[0].fixes.map((f) => f.title),
        ['Change runtime to nodejs24.x'],
        'one quick fix, not one per function',
      );
      const memory = result.filter((f) => f.ruleId === 'lambda-memory-range');
      assert.deepEqual(
        memory.map((f) => `${rangeOf(template, f)} ${f.message}`),
        [
          "5:15-5:20 Function 'hello': memory 20000 MB is outside the allowed 128–10,240 MB. (set in provider, " +
            "inherited by function 'hello')",
        ],
        "'world' sets its own memory, so it is not named",
      );
      assert.deepEqual(
        memory[0].related.map((r) => textAt(template, r.span)),
        ['hello'],
      );
    },
  );

  it("points a function's own setting at its line in serverless.yml", () => {
    const all = findings();
    assert.ok(
      all.includes("lambda-timeout-range 9:14-9:18 Function 'hello': timeout 1000 s is outside the allowed 1–900 s."),
      all.join('\n'),
    );
    assert.ok(
      all.some((f) => f.startsWith('env-plaintext-secret 11:20-11:34')),
      all.join('\n'),
    );
  });

  it("offers the framework's own ${ssm:} reference for a plaintext secret", () => {
    const secret = analyzeTemplate(template, { today: TODAY }).findings.find(
      (f) => f.ruleId === 'env-plaintext-secret',
    );
    assert.deepEqual(
      secret?.fixes[0].edits.map((e) => e.newText),
      ['${ssm:/orders/${sls:stage}/DB_PASSWORD}'],
    );
  });

  it('suppresses a rule for the whole service under custom, where the framework allows our key', () => {
    const fix = suppressionFix(template, 'lambda-memory-range', undefined);
    assert.ok(fix);
    const fixed = load(applyEdits(SERVICE, fix.edits), '/project/serverless.yml');
    assert.match(fixed.text, /\ncustom:\n  serverless-workbench:\n    ignore: \[lambda-memory-range\]\n$/);
    assert.deepEqual(
      analyzeTemplate(fixed, { today: TODAY }).findings.filter((f) => f.ruleId === 'lambda-memory-range'),
      [],
    );
    assert.equal(
      suppressionFix(template, 'lambda-memory-range', template.functions[0].logicalId),
      undefined,
      'a function in serverless.yml has no Metadata',
    );
  });
});
