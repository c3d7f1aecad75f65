import { strict as assert } from 'assert';
import { LIMITS } from '../../../src/core/model/limits';
import type { Node, Span } from '../../../src/core';
import { yaml } from '../helpers';
import { summary, template } from './resolve-helpers';

const LENGTH = 12_000;
const at: Span = { start: 0, end: 0 };
const scalar = (value: string | number): Node => ({ kind: 'scalar', value, span: at });
const seq = (...items: Node[]): Node => ({ kind: 'seq', items, span: at });
const intrinsic = (name: string, argument: Node): Node => ({
  kind: 'intrinsic',
  name,
  nameSpan: at,
  argument,
  form: 'long',
  span: at,
});

describe('Resolving values stays bounded', () => {
  const t = template(
    yaml(
      'Parameters:',
      '  Env: {Type: String, Default: dev}',
      'Conditions:',
      '  IsDev: !Equals [!Ref Env, dev]',
      'Resources:',
      '  Queue: {Type: AWS::SQS::Queue}',
    ),
  );

  it(
    `answers ${LENGTH.toLocaleString('en')} nested Fn::If or Fn::Select with an unknown and a reason, not a ` +
      `stack overflow`,
    () => {
      let ifChain: Node = intrinsic('Ref', scalar('Env'));
      let selectChain: Node = scalar('x');
      for (let i = 0; i < LENGTH; i++) {
        ifChain = intrinsic('Fn::If', seq(scalar('IsDev'), ifChain, scalar('other')));
        selectChain = intrinsic('Fn::Select', seq(scalar(0), seq(selectChain)));
      }
      const reason =
        `the expression nests more than ${LIMITS.maxEvaluationDepth} ` + `levels deep here, so it was not evaluated`;
      assert.deepEqual(summary(t.resolver.evaluate(ifChain)), { unknown: reason });
      assert.deepEqual(summary(t.resolver.evaluate(selectChain)), { unknown: reason });
    },
  );

  it('evaluates expressions nested as deep as the limit', () => {
    let chain: Node = intrinsic('Ref', scalar('Env'));
    for (let i = 0; i < LIMITS.maxEvaluationDepth / 2 - 1; i++)
      chain = intrinsic('Fn::If', seq(scalar('IsDev'), chain, scalar('other')));
    const result = t.resolver.evaluate(chain);
    assert.ok(result.known);
    assert.equal(result.value, 'dev');
  });

  it(
    `decides a chain of ${LENGTH.toLocaleString('en')} conditions, each naming the previous one, without ` +
      `recursion`,
    () => {
      const lines = [
        'Parameters:',
        '  Env: {Type: String, Default: dev}',
        'Conditions:',
        '  C0: !Equals [!Ref Env, dev]',
      ];
      for (let i = 1; i < LENGTH; i++) lines.push(`  C${i}: !Not [!Condition C${i - 1}]`);
      lines.push('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', `    Condition: C${LENGTH - 1}`);
      const chained = template(yaml(...lines));
      // C0 is true; every Not flips it, so the last of an even count is false.
      assert.equal(chained.resolver.condition(`C${LENGTH - 1}`).value, false);
      assert.equal(chained.resources[0].created, false);
      const decided = chained.resolver.condition(`C${LENGTH - 1}`);
      assert.ok(decided.value !== undefined && decided.provenance.length <= LIMITS.maxProvenanceSteps);
    },
  );

  it('names a cycle of conditions and leaves the conditions in it undecided', () => {
    const cyclic = template(
      yaml(
        'Conditions:',
        '  A: !And [!Condition B, !Equals [x, x]]',
        '  B: !Or [!Condition C, !Equals [x, y]]',
        '  C: !Not [!Condition A]',
        '  Self: !Not [!Condition Self]',
        '  UsesA: !Not [!Condition A]',
        'Resources:',
        '  Queue: {Type: AWS::SQS::Queue, Condition: A}',
      ),
    );
    assert.equal(cyclic.resolver.condition('A').reason, 'condition A refers back to itself (A → B → C → A)');
    assert.equal(cyclic.resolver.condition('B').reason, 'condition B refers back to itself (A → B → C → A)');
    assert.equal(cyclic.resolver.condition('Self').reason, 'condition Self refers back to itself (Self → Self)');
    assert.equal(cyclic.resolver.condition('UsesA').value, undefined);
    assert.equal(cyclic.resources[0].created, undefined);
  });
});
