import { strict as assert } from 'assert';
import { analysisSteps, analyzeTemplate, ALL_RULES } from '../../../src/core/rules';
import { defineRule } from '../../../src/core/rules/define';
import { lambdaMemoryRange } from '../../../src/core/rules/lambda-limits';
import { load, yaml } from '../helpers';
import { TODAY } from './rule-tester';

const template = (...extra: string[]) =>
  load(
    yaml(
      'Transform: AWS::Serverless-2016-10-31',
      ...extra,
      'Resources:',
      '  Big:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      MemorySize: 20000',
      '  Small:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      MemorySize: 20000',
      '    Metadata:',
      '      serverless-workbench:',
      '        ignore: [lambda-memory-range]',
    ),
  );
const ids = (t: ReturnType<typeof template>, severities = {}) =>
  analyzeTemplate(t, { today: TODAY, severities }, [lambdaMemoryRange]).findings.map(
    (f) => `${f.logicalId}:${f.severity}`,
  );

describe('rule engine', () => {
  it('suppresses a rule for a resource through its Metadata, and for the whole template', () => {
    assert.deepEqual(ids(template()), ['Big:error']);
    assert.deepEqual(
      ids(template('Metadata:', '  serverless-workbench:', '    ignore:', '      - lambda-memory-range')),
      [],
    );
  });

  it('applies severity overrides and turns rules off', () => {
    assert.deepEqual(ids(template(), { 'lambda-memory-range': 'info' }), ['Big:info']);
    assert.deepEqual(ids(template(), { 'lambda-memory-range': 'off' }), []);
  });

  it('runs the same analysis one rule per step, and a run dropped halfway leaves nothing behind', () => {
    const t = template('Parameters:', '  Unused:', '    Type: String');
    const inputs = {
      today: TODAY,
      severities: { 'lambda-memory-range': 'warning' as const, 'parameter-unused': 'off' as const },
    };
    const whole = analyzeTemplate(t, inputs);
    assert.ok(whole.findings.some((f) => f.ruleId === 'lambda-memory-range' && f.severity === 'warning'));

    const dropped = analysisSteps(t, inputs);
    for (let i = 0; i < 5; i++) assert.equal(dropped.next().done, false);

    const steps = analysisSteps(t, inputs);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    const running = ALL_RULES.filter(
      (r) => r.id !== 'parameter-unused' && (!r.meta.kinds || r.meta.kinds.includes(t.kind)),
    );
    assert.equal(yields, running.length, 'one step per rule that runs');
    assert.deepEqual(step.value, whole);
    assert.deepEqual(analyzeTemplate(t, inputs), whole);
  });

  it('reports a rule that throws and still runs the others', () => {
    const broken = defineRule({
      id: 'broken',
      meta: { severity: 'error', docs: { summary: '', why: '', fact: '', example: '', fix: '' } },
      messages: {},
      check() {
        throw new Error('boom');
      },
    });
    const result = analyzeTemplate(template(), { today: TODAY }, [broken, lambdaMemoryRange]);
    assert.deepEqual(
      result.crashes.map((c) => [c.ruleId, c.message]),
      [['broken', 'boom']],
    );
    assert.equal(result.findings.length, 1);
  });

  it('has unique kebab-case ids with complete documentation', () => {
    const seen = new Set<string>();
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(!seen.has(rule.id), `${rule.id} twice`);
      seen.add(rule.id);
      for (const field of ['summary', 'why', 'fact', 'example', 'fix'] as const)
        assert.ok(rule.meta.docs[field].length > 0, `${rule.id} docs.${field}`);
      assert.equal(rule.meta.docs.url.endsWith(`/docs/rules.md#${rule.id}`), true);
    }
    for (const required of [
      'yaml-syntax',
      'duplicate-key',
      'logical-id-invalid',
      'template-resource-count',
      'ref-undefined',
      'circular-dependency',
      'lambda-package-size',
      'runtime-unknown',
      'eventbridge-input-size',
      's3-public-access',
    ]) {
      assert.ok(seen.has(required), required);
    }
  });
});
