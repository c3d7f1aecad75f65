import { strict as assert } from 'assert';
import { completionsAt, hoverAt, loadTemplate, symbolIndex, toPlain, walk } from '../../../src/core';
import type { Template } from '../../../src/core';
import { estimateCost, EMPTY_USAGE } from '../../../src/core/cost';
import { buildGraph } from '../../../src/core/graph/graph';
import { LIMITS } from '../../../src/core/model/limits';
import { templateOfParsed } from '../../../src/core/model/load';
import { outlineOf } from '../../../src/core/outline/outline';
import { analyzePermissions } from '../../../src/core/permissions';
import { analyzeTemplate } from '../../../src/core/rules';
import { catalog } from '../completion/catalog';
import { textAt, where } from '../helpers';
import { TODAY } from '../rules/rule-tester';
import { deepInput, NestKind } from './deep-input';

/** Ten thousand levels: far past the nesting limit and past what a recursive walk survives on Node's stack. */
const DEEP = 10_000;
const KINDS: readonly NestKind[] = ['map', 'seq', 'intrinsic'];

/** A SAM template whose bucket's `Tags` value (level 5: root, Resources, Bucket, Properties, Tags) is the nest. */
const SAM_WITH_DEEP_TAGS = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Globals: { Function: { Timeout: 10 } },
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: '@DEEP@' } },
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Runtime: 'nodejs22.x',
          Handler: 'index.handler',
          CodeUri: 'src',
          Environment: { Variables: { BUCKET: { Ref: 'Bucket' } } },
        },
      },
    },
  },
  null,
  1,
);
const TAGS_LEVEL = 5;

/** Everything an editor runs on a template: none of it may throw, and no rule may crash. */
function analyseEverything(t: Template, offset: number): void {
  const { crashes } = analyzeTemplate(t, { today: TODAY });
  assert.deepEqual(
    crashes.map((c) => `${c.ruleId}: ${c.message}`),
    [],
  );
  outlineOf(t, 'template.json');
  symbolIndex(t);
  estimateCost(t, EMPTY_USAGE);
  buildGraph(t, { includeGenerated: true });
  analyzePermissions(t);
  hoverAt(t, offset, { catalog, today: new Date(TODAY) });
  completionsAt(t, offset, { catalog, today: new Date(TODAY) });
}

function nestingProblems(t: Template): string[] {
  return t.problems
    .filter((p) => p.message.includes('levels deep'))
    .map((p) => `${where(t, p.span)} ${textAt(t, p.span)} ${p.code}: ${p.message}`);
}

describe('bounded: values nested thousands of levels deep', function () {
  this.timeout(120_000);

  for (const kind of KINDS) {
    it(`walks and converts a ${DEEP}-deep ${kind} nest without recursion`, () => {
      const { parsed, innermost } = deepInput('"@DEEP@"', kind, DEEP);
      const root = parsed.root!;
      let visited = 0;
      let leafParents = -1;
      walk(root, (node, parents) => {
        visited++;
        if (node === innermost) leafParents = parents.length;
      });
      assert.equal(visited, DEEP + 1);
      assert.equal(leafParents, DEEP);

      let plain = toPlain(root);
      for (let level = 0; level < DEEP; level++) {
        plain =
          kind === 'seq'
            ? (plain as unknown[])[0]
            : (plain as Record<string, unknown>)[kind === 'map' ? 'Key' : 'Fn::Base64'];
      }
      assert.equal(plain, 'leaf');
    });

    it(
      `cuts a ${DEEP}-deep ${kind} nest at the nesting limit with a positioned problem, and every analysis ` +
        `finishes`,
      () => {
        const { text, parsed, innermost } = deepInput(SAM_WITH_DEEP_TAGS, kind, DEEP);
        const t = templateOfParsed(text, 'template.json', parsed)!;
        // The first value cut is the nest's level that sits at the limit.
        const cutLevel = LIMITS.maxNestingDepth - TAGS_LEVEL;
        const opening = { map: '{"Key": ', seq: '[', intrinsic: '{"Fn::Base64": ' }[kind];
        const cutAt = SAM_WITH_DEEP_TAGS.indexOf('"@DEEP@"') + cutLevel * opening.length;
        const expected = { map: '"Key"', seq: '[', intrinsic: '"Fn::Base64"' }[kind];
        assert.deepEqual(nestingProblems(t), [
          `${where(t, { start: cutAt + (kind === 'seq' ? 0 : 1), end: 0 })} ${expected} template-structure: ` +
            (`This value is nested more than ${LIMITS.maxNestingDepth} levels deep; what lies deeper is not read. ` +
              `No real template nests this deep, and SAM CLI and cfn-lint cannot read it either.`),
        ]);
        // The model still holds everything above the cut: the bucket, the function, the reference between them.
        assert.deepEqual(
          t.resources.filter((r) => r.origin === 'written').map((r) => r.logicalId),
          ['Bucket', 'Fn'],
        );
        assert.equal(t.functions[0].timeout.value, 10);
        const finding = analyzeTemplate(t, { today: TODAY }).findings.find((f) => f.ruleId === 'template-structure');
        assert.equal(finding && textAt(t, finding.span), expected);
        analyseEverything(t, innermost.span.start + 1);
        // Deeper than the model reads there is nothing to complete.
        assert.deepEqual(completionsAt(t, innermost.span.start + 1, { catalog }), []);
      },
    );
  }

  it('reads a nest exactly at the limit whole, and cuts one level more', () => {
    const fits = LIMITS.maxNestingDepth - TAGS_LEVEL;
    const whole = deepInput(SAM_WITH_DEEP_TAGS, 'seq', fits);
    const t = templateOfParsed(whole.text, 'template.json', whole.parsed)!;
    assert.deepEqual(nestingProblems(t), []);
    let depth = 0;
    walk(t.root!, (_, parents) => {
      depth = Math.max(depth, parents.length + 1);
    });
    assert.equal(depth, LIMITS.maxNestingDepth);
    analyseEverything(t, whole.innermost.span.start);

    const over = deepInput(SAM_WITH_DEEP_TAGS, 'seq', fits + 1);
    assert.equal(nestingProblems(templateOfParsed(over.text, 'template.json', over.parsed)!).length, 1);
  });

  it('cuts a deep nest in a serverless.json, whose variables are resolved over it', () => {
    const shallow = JSON.stringify(
      {
        service: 'shop',
        provider: { name: 'aws', runtime: 'nodejs20.x' },
        custom: { deep: '@DEEP@', table: 'orders' },
        functions: {
          hello: {
            handler: 'handler.hello',
            environment: { DEEP: '${self:custom.deep}', TABLE: '${self:custom.table}' },
          },
        },
      },
      null,
      1,
    );
    const { text, parsed, innermost } = deepInput(shallow, 'map', DEEP);
    const t = templateOfParsed(text, 'serverless.json', parsed)!;
    assert.equal(t.kind, 'serverless');
    // custom.deep is level 3, so its 498th map is cut; the environment variable naming it sits at level 5,
    // so resolving it there stops one map earlier.
    const keyOfMap = (index: number) =>
      where(t, { start: shallow.indexOf('"@DEEP@"') + index * '{"Key": '.length + 1, end: 0 });
    assert.deepEqual(nestingProblems(t), [
      `${keyOfMap(LIMITS.maxNestingDepth - 3)} "Key" template-structure: This value is nested more ` +
        `than ${LIMITS.maxNestingDepth} levels deep; what lies deeper is not read. ` +
        'No real template nests this deep, and SAM CLI and cfn-lint cannot read it either.',
      `${keyOfMap(LIMITS.maxNestingDepth - 4)} "Key" serverless-variable: Values and the variables between them ` +
        `nest more than ${LIMITS.maxNestingDepth} levels deep here; resolution stopped.`,
    ]);
    const table = t.functions[0].environment.find((v) => v.name === 'TABLE');
    assert.equal(table && toPlain(table.value), 'orders');
    analyseEverything(t, innermost.span.start + 1);
  });

  it('stops resolving Serverless values that references stack deeper than the limit, with the place it stopped', () => {
    // Three values 200 levels deep, each ending in a reference to the top of the next: 600 levels once resolved, past
    // the limit of 400.
    const nest = (leaf: string) => `${'{"k": '.repeat(200)}${leaf}${'}'.repeat(200)}`;
    const text =
      `{"service": "shop", "provider": {"name": "aws"}, "custom": {\n` +
      `"a1": ${nest('"${self:custom.a2}"')},\n"a2": ${nest('"${self:custom.a3}"')},\n"a3": ${nest('"end"')}},\n` +
      `"functions": {"hello": {"handler": "h.h", "environment": {"A": "\${self:custom.a1}"}}}}`;
    const t = loadTemplate(text, 'serverless.json')!;
    const stopped = t.problems.filter((p) => p.message.startsWith('Values and the variables'));
    assert.deepEqual(
      stopped.map((p) => `${where(t, p.span)} ${p.code}: ${p.message}`),
      [
        // Root, custom and a1's 200 maps, then a2's 199th map (its key at column 6 + 198 × 6 + 2) is level 401.
        `3:1196 serverless-variable: Values and the variables between them nest more ` +
          `than ${LIMITS.maxNestingDepth} levels deep here; resolution stopped.`,
      ],
    );
    analyseEverything(t, text.indexOf('hello'));
  });
});
