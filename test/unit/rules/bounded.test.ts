import { strict as assert } from 'assert';
import { loadTemplate, symbolIndex } from '../../../src/core';
import type { Template } from '../../../src/core';
import { estimateCost, EMPTY_USAGE } from '../../../src/core/cost';
import { outlineOf } from '../../../src/core/outline/outline';
import { analyzeTemplate } from '../../../src/core/rules';
import { textAt, where } from '../helpers';
import { TODAY } from './rule-tester';

/** Chains longer than any call stack: each link a separate entry, as flat YAML the parser already reads. */
const LENGTH = 12_000;
const links = (line: (i: number) => string[]): string[] => Array.from({ length: LENGTH }, (_, k) => line(k + 1)).flat();

function analysed(
  text: string,
  fileName = 'template.yaml',
): { t: Template; findings: ReturnType<typeof analyzeTemplate>['findings'] } {
  const t = loadTemplate(text, fileName)!;
  const { findings, crashes } = analyzeTemplate(t, { today: TODAY });
  assert.deepEqual(
    crashes.map((c) => `${c.ruleId}: ${c.message}`),
    [],
  );
  outlineOf(t, fileName);
  symbolIndex(t);
  estimateCost(t, EMPTY_USAGE);
  return { t, findings };
}

const dependsOnChain = (closed: boolean) =>
  [
    'Resources:',
    ...links((i) => [
      `  R${i}:`,
      '    Type: AWS::SNS::Topic',
      ...(i < LENGTH || closed ? [`    DependsOn: R${i < LENGTH ? i + 1 : 1}`] : []),
    ]),
  ].join('\n');

describe(`bounded: reference chains ${LENGTH} long`, function () {
  this.timeout(300_000);

  it('finds the circular dependency of a DependsOn chain that closes on itself, at its first resource', () => {
    const { t, findings } = analysed(dependsOnChain(true));
    const cycles = findings.filter((f) => f.ruleId === 'circular-dependency');
    assert.equal(cycles.length, 1);
    const [cycle] = cycles;
    assert.equal(`${where(t, cycle.span)} ${textAt(t, cycle.span)}`, '2:3 R1');
    const names = Array.from({ length: LENGTH }, (_, k) => `R${k + 1}`);
    assert.equal(cycle.message, `Circular dependency: ${[...names, 'R1'].join(' → ')}.`);
    assert.equal(cycle.related.length, LENGTH);
    assert.equal(textAt(t, cycle.related[LENGTH - 1].span), 'R1');
    assert.equal(cycle.related[LENGTH - 1].message, `R${LENGTH} references R1`);
  });

  it('finds no circular dependency in a chain that does not close, and the symbol index knows every link', () => {
    const { t, findings } = analysed(dependsOnChain(false));
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'circular-dependency' || f.ruleId === 'dependson-undefined'),
      [],
    );
    const uses = symbolIndex(t)
      .usedIn('id')
      .filter((u) => u.via === 'DependsOn');
    assert.equal(uses.length, LENGTH - 1);
    assert.equal(textAt(t, uses[LENGTH - 2].span), `R${LENGTH}`);
  });

  it('finds the circular dependency of a chain of GetAtt references that closes', () => {
    const text = [
      'Resources:',
      ...links((i) => [
        `  R${i}:`,
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        `      DisplayName: !GetAtt R${i < LENGTH ? i + 1 : 1}.TopicName`,
      ]),
    ].join('\n');
    const { t, findings } = analysed(text);
    const cycle = findings.find((f) => f.ruleId === 'circular-dependency')!;
    assert.equal(`${where(t, cycle.span)} ${textAt(t, cycle.span)}`, '2:3 R1');
  });

  it('reads a chain of conditions each naming the next', () => {
    const text = [
      'Parameters:',
      '  Env:',
      '    Type: String',
      '    Default: prod',
      'Conditions:',
      ...links((i) => [`  C${i}: ${i < LENGTH ? `!Condition C${i + 1}` : '!Equals [!Ref Env, prod]'}`]),
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '    Condition: C1',
    ].join('\n');
    const { t, findings } = analysed(text);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'condition-undefined' || f.ruleId === 'template-structure'),
      [],
    );
    assert.equal(t.conditions.length, LENGTH);
    assert.equal(symbolIndex(t).usedIn('condition').length, LENGTH);
  });

  describe('Serverless variables', () => {
    const serverless = (value: (i: number) => string) =>
      [
        'service: shop',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'custom:',
        ...links((i) => [`  a${i}: ${value(i)}`]),
        'functions:',
        '  hello:',
        '    handler: h.h',
        '    description: ${self:custom.a1}',
      ].join('\n');
    const stopped = (t: Template) =>
      t.problems
        .filter((p) => p.code === 'serverless-variable')
        .map((p) => `${where(t, p.span)} ${textAt(t, p.span)}: ${p.message}`);

    it('stops a chain of self references at the nesting limit, where it stops', () => {
      const { t } = analysed(
        serverless((i) => (i < LENGTH ? `\${self:custom.a${i + 1}}` : 'end')),
        'serverless.yml',
      );
      // a1 is line 6; the 51st reference (a51's, line 56) is the one past the limit of 50.
      assert.deepEqual(stopped(t), [
        '56:8 ${self:custom.a52}: Variables nest more than 50 levels deep here; resolution stopped.',
      ]);
      assert.equal(symbolIndex(t).usedIn('self').length, LENGTH);
    });

    it('stops a chain that closes on itself the same way, and names a variable that refers to itself', () => {
      const { t } = analysed(
        serverless((i) => `\${self:custom.a${i < LENGTH ? i + 1 : 1}}`),
        'serverless.yml',
      );
      assert.deepEqual(stopped(t), [
        '56:8 ${self:custom.a52}: Variables nest more than 50 levels deep here; resolution stopped.',
      ]);
      const self = analysed(
        serverless((i) => `\${self:custom.a${i}}`),
        'serverless.yml',
      ).t;
      assert.deepEqual(stopped(self).slice(0, 2), [
        '6:7 ${self:custom.a1}: This variable refers back to itself: ${self:custom.a1} → ${self:custom.a1}.',
        '7:7 ${self:custom.a2}: This variable refers back to itself: ${self:custom.a2} → ${self:custom.a2}.',
      ]);
    });
  });
});
