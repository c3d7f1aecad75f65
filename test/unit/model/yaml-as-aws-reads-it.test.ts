import * as assert from 'assert';
import { parseJson } from '../../../src/core/model/parse-json';
import { parseYaml } from '../../../src/core/model/parse-yaml';
import { LIMITS } from '../../../src/core/model/limits';
import { entryOf, mapAt, Node, toPlain, valueOf, walk } from '../../../src/core/model/nodes';
import type { ParseResult } from '../../../src/core/model/parse-result';
import { load, yaml } from '../helpers';

/**
 * YAML as SAM CLI and cfn-lint read it (PyYAML's safe loader with CloudFormation's tags). Each expected
 * value below is what that loader gives for the text, written out by hand.
 */

function read(text: string): { value: unknown; result: ParseResult } {
  const result = parseYaml(text);
  return { value: result.root ? toPlain(result.root) : undefined, result };
}

function syntaxProblems(result: ParseResult): string[] {
  return result.problems.filter((p) => p.code === 'yaml-syntax' || p.code === 'json-syntax').map((p) => p.message);
}

/** The node at a path of keys and list indexes. */
function at(root: Node | undefined, ...path: (string | number)[]): Node {
  let node = root;
  for (const step of path)
    node = typeof step === 'number' ? (node?.kind === 'seq' ? node.items[step] : undefined) : valueOf(node, step);
  assert.ok(node, `nothing at ${path.join('.')}`);
  return node;
}

const ACCEPTED: { name: string; text: string; value: unknown }[] = [
  {
    name: "a flow list whose items and closing bracket sit at the owning key's column",
    text: yaml(
      'Resources:',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      KeySchema: [',
      '      {AttributeName: id, KeyType: HASH}',
      '      ]',
      '      BillingMode: PAY_PER_REQUEST',
    ),
    value: {
      Resources: {
        Table: {
          Type: 'AWS::DynamoDB::Table',
          Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' },
        },
      },
    },
  },
  {
    name: "a flow map (`Schema: {` ... `}`) at the key's column",
    text: yaml('Api:', '  Schema: {', '  Name: String,', '  Id: !Ref IdType', '  }', '  Next: 1'),
    value: { Api: { Schema: { Name: 'String', Id: { Ref: 'IdType' } }, Next: 1 } },
  },
  {
    name: 'continuation lines left of the key, down to column 0',
    text: yaml(
      'Fn:',
      '  Properties:',
      '    Layers: [!Ref A,',
      '  !Ref B,',
      'arn:aws:lambda:us-east-1:1:layer:c:1]',
      '    Runtime: nodejs20.x',
    ),
    value: {
      Fn: {
        Properties: {
          Layers: [{ Ref: 'A' }, { Ref: 'B' }, 'arn:aws:lambda:us-east-1:1:layer:c:1'],
          Runtime: 'nodejs20.x',
        },
      },
    },
  },
  {
    name: 'nested flow collections spread over unindented lines',
    text: yaml('Value: !Join ["", [', '"arn:", !Ref AWS::Partition,', '":s3:::bucket"', ']]', 'Other: x'),
    value: { Value: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::bucket']] }, Other: 'x' },
  },
  {
    name: 'multi-line plain and quoted scalars inside an unindented flow collection (folded to one space)',
    text: yaml('Command: [echo', 'hello, "two', 'words"]', 'After: 2'),
    value: { Command: ['echo hello', 'two words'], After: 2 },
  },
  {
    name: 'tabs between the items of flow collections (as PyYAML with libyaml, CSafeLoader, reads them)',
    text: yaml('A: [1,\t2]', 'B: {\tC: 3 }'),
    value: { A: [1, 2], B: { C: 3 } },
  },
  {
    name: 'a byte order mark and CRLF line ends',
    text: '\ufeffAWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  Queue:\r\n    Type: AWS::SQS::Queue\r\n',
    value: { AWSTemplateFormatVersion: '2010-09-09', Resources: { Queue: { Type: 'AWS::SQS::Queue' } } },
  },
  {
    name: 'an alias of a map, of a list and of a tagged scalar',
    text: yaml(
      'Tags: &tags',
      '  team: a',
      'Subnets: &subnets [s1, s2]',
      'Id: &id !Ref Vpc',
      'Copy:',
      '  T: *tags',
      '  S: *subnets',
      '  I: *id',
    ),
    value: {
      Tags: { team: 'a' },
      Subnets: ['s1', 's2'],
      Id: { Ref: 'Vpc' },
      Copy: { T: { team: 'a' }, S: ['s1', 's2'], I: { Ref: 'Vpc' } },
    },
  },
  {
    name: 'a merge key: keys written in the map win over merged ones',
    text: yaml(
      'Defaults: &defaults',
      '  Runtime: python3.12',
      '  MemorySize: 128',
      'Function:',
      '  <<: *defaults',
      '  MemorySize: 1024',
    ),
    value: {
      Defaults: { Runtime: 'python3.12', MemorySize: 128 },
      Function: { Runtime: 'python3.12', MemorySize: 1024 },
    },
  },
  {
    name: 'a merge of several maps: earlier maps win over later ones',
    text: yaml('a: &a {x: 1}', 'b: &b {x: 2, y: 2}', 'c:', '  <<: [*a, *b]', '  z: 3'),
    value: { a: { x: 1 }, b: { x: 2, y: 2 }, c: { x: 1, y: 2, z: 3 } },
  },
  {
    name: 'a merge of a map written in place, and a quoted "<<" that is an ordinary key',
    text: yaml('a:', '  <<: {x: 1, y: 1}', '  y: 2', 'b:', '  "<<": 3'),
    value: { a: { x: 1, y: 2 }, b: { '<<': 3 } },
  },
];

function acceptedText(namePrefix: string): string {
  const found = ACCEPTED.find((c) => c.name.startsWith(namePrefix));
  assert.ok(found, namePrefix);
  return found.text;
}

const REJECTED: { name: string; text: string; at: number }[] = [
  { name: 'a tab as indentation in block context', text: yaml('a:', '\tb: 1'), at: 3 },
  { name: "a block list item inside a flow list (at the list's bracket)", text: yaml('- [a,', '- b]'), at: 2 },
  { name: "a document marker inside a flow list (at the list's bracket)", text: yaml('a: [b,', '---', ']'), at: 3 },
  { name: 'an alias with no anchor before it', text: yaml('a: *nowhere'), at: 3 },
  { name: 'an anchor defined twice', text: yaml('a: &x 1', 'b: *x', 'c: &x 2'), at: 17 },
  // PyYAML composes this into a recursive list, which no JSON template can hold.
  { name: 'an alias inside the node its anchor names', text: yaml('a: &loop [*loop]'), at: 10 },
  { name: 'a merge of a scalar', text: yaml('a:', '  <<: 1'), at: 9 },
];

describe('YAML as AWS reads it', () => {
  describe('accepts what PyYAML accepts, with the same values', () => {
    for (const { name, text, value } of ACCEPTED) {
      it(name, () => {
        const { value: actual, result } = read(text);
        assert.deepStrictEqual(syntaxProblems(result), []);
        assert.deepStrictEqual(actual, value);
      });
    }
  });

  describe('still rejects what PyYAML rejects, at the position', () => {
    for (const { name, text, at: offset } of REJECTED) {
      it(name, () => {
        const { result } = read(text);
        const problem = result.problems.find((p) => p.code === 'yaml-syntax');
        assert.ok(problem, `no yaml-syntax problem for ${JSON.stringify(text)}`);
        assert.strictEqual(problem.span.start, offset, `${problem.message} at ${problem.span.start}`);
      });
    }

    it('an unclosed bracket is reported at the bracket, and the rest of the document is still read', () => {
      const text = yaml('Resources:', '  Fn:', '    Layers: [a, b', '    Runtime: x');
      const { result } = read(text);
      const problem = result.problems.find((p) => p.code === 'yaml-syntax');
      assert.deepStrictEqual(problem?.span, { start: text.indexOf('['), end: text.indexOf('[') + 1 });
      assert.strictEqual(toPlain(at(result.root, 'Resources', 'Fn', 'Runtime')), 'x');
    });
  });

  describe('keeps exact spans', () => {
    it("a value after a flow collection closed at the key's column", () => {
      const text = acceptedText('a flow list whose items');
      const billing = entryOf(
        mapAt(mapAt(mapAt(parseYaml(text).root, 'Resources'), 'Table'), 'Properties'),
        'BillingMode',
      );
      const start = text.indexOf('PAY_PER_REQUEST');
      assert.deepStrictEqual(billing?.value.span, { start, end: start + 'PAY_PER_REQUEST'.length });
      assert.deepStrictEqual(billing?.keySpan, {
        start: text.indexOf('BillingMode'),
        end: text.indexOf('BillingMode') + 'BillingMode'.length,
      });
      const hash = at(parseYaml(text).root, 'Resources', 'Table', 'Properties', 'KeySchema', 0, 'KeyType');
      assert.deepStrictEqual(hash.span, { start: text.indexOf('HASH'), end: text.indexOf('HASH') + 4 });
    });

    it("an alias's use maps to its anchor's range, merged entries to where they are written", () => {
      const text = acceptedText('a merge key:');
      const root = parseYaml(text).root;
      const memory = entryOf(mapAt(root, 'Defaults'), 'MemorySize');
      const runtime = entryOf(mapAt(root, 'Function'), 'Runtime');
      assert.deepStrictEqual(runtime?.keySpan, { start: text.indexOf('Runtime'), end: text.indexOf('Runtime') + 7 });
      assert.deepStrictEqual(runtime?.value.span, {
        start: text.indexOf('python3.12'),
        end: text.indexOf('python3.12') + 10,
      });
      const ownMemory = entryOf(mapAt(root, 'Function'), 'MemorySize');
      assert.deepStrictEqual(ownMemory?.value.span, { start: text.indexOf('1024'), end: text.indexOf('1024') + 4 });
      assert.notDeepStrictEqual(ownMemory?.value.span, memory?.value.span);

      const aliases = acceptedText('an alias of a map');
      const copied = at(parseYaml(aliases).root, 'Copy', 'S');
      const anchored = aliases.indexOf('[s1, s2]');
      assert.deepStrictEqual(copied.span, { start: anchored, end: anchored + '[s1, s2]'.length });
    });

    it('spans of a document with a BOM and CRLF are offsets into the original text', () => {
      const text = acceptedText('a byte order mark');
      const root = parseYaml(text).root;
      const type = entryOf(mapAt(mapAt(root, 'Resources'), 'Queue'), 'Type');
      assert.deepStrictEqual(type?.keySpan, { start: text.indexOf('Type'), end: text.indexOf('Type') + 4 });
      assert.deepStrictEqual(type?.value.span, {
        start: text.indexOf('AWS::SQS'),
        end: text.indexOf('AWS::SQS') + 'AWS::SQS::Queue'.length,
      });
      assert.deepStrictEqual(entryOf(root, 'AWSTemplateFormatVersion')?.keySpan, {
        start: 1,
        end: 1 + 'AWSTemplateFormatVersion'.length,
      });
    });
  });

  it("a template with a flow list at its key's column keeps every resource after it, with no problem", () => {
    const template = load(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function: &defaults',
        '    Runtime: python3.12',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      <<: *defaults',
        '      Handler: app.handler',
        '      Layers: [',
        '      !Ref Layer',
        '      ]',
        '  Layer:',
        '    Type: AWS::Serverless::LayerVersion',
        '    Properties:',
        '      ContentUri: layer/',
      ),
    );
    assert.deepStrictEqual(template.problems, []);
    assert.deepStrictEqual(
      template.resources.filter((r) => r.origin === 'written').map((r) => [r.logicalId, r.type]),
      [
        ['Fn', 'AWS::Serverless::Function'],
        ['Layer', 'AWS::Serverless::LayerVersion'],
      ],
    );
    assert.deepStrictEqual(toPlain(template.resourceById.get('Fn')!.properties!), {
      Runtime: 'python3.12',
      Handler: 'app.handler',
      Layers: [{ Ref: 'Layer' }],
    });
  });

  it('a JSON template with a byte order mark reads without error, spans in the original text', () => {
    const text = '\ufeff{"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}\r\n';
    const result = parseJson(text);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(toPlain(result.root!), { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });
    const type = at(result.root, 'Resources', 'Queue', 'Type');
    assert.deepStrictEqual(type.span, {
      start: text.indexOf('"AWS::SQS::Queue"'),
      end: text.indexOf('"AWS::SQS::Queue"') + '"AWS::SQS::Queue"'.length,
    });
  });

  describe('bad input, bounded', () => {
    it('a "billion laughs" alias bomb stops at the expansion budget with a positioned message', () => {
      const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let level = 1; level < 10; level++) {
        const previous = String.fromCharCode(96 + level);
        lines.push(
          `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} ` +
            `[${Array(10).fill(`*${previous}`).join(', ')}]`,
        );
      }
      const text = yaml(...lines); // j expands to 10^10 scalars
      const result = parseYaml(text);
      const bomb = result.problems.filter((p) => p.message.includes('expand to more than'));
      assert.strictEqual(bomb.length, 1);
      // a has 11 nodes, b 111, c 1,111, d 11,111: the aliases in b, c and d take 12,330 of the 100,000, each
      // *d in e takes 11,111 more, and the eighth would pass the budget.
      const eighthAliasInE = text.indexOf('e: &e') + 'e: &e ['.length + 7 * '*d, '.length;
      assert.strictEqual(text.slice(eighthAliasInE, eighthAliasInE + 2), '*d');
      assert.strictEqual(bomb[0].span.start, eighthAliasInE);
      let nodes = 0;
      walk(result.root!, () => {
        nodes++;
      });
      assert.ok(nodes <= LIMITS.maxAliasExpansion + text.length, `the tree has ${nodes} nodes`);
    });

    it('an alias that would take the tree past the nesting limit is not expanded', () => {
      const text = yaml(`a: &a ${'['.repeat(300)}${']'.repeat(300)}`, `b: ${'['.repeat(300)}*a${']'.repeat(300)}`);
      const problems = parseYaml(text).problems;
      const at = text.indexOf('*a');
      assert.deepStrictEqual(
        problems.map((p) => [p.message, p.span]),
        [
          [
            `Alias *a would nest maps and lists deeper than ${LIMITS.maxNestingDepth} levels here; it is not expanded`,
            { start: at, end: at + 2 },
          ],
        ],
      );
    });

    const DEEP = 10_000;
    const tooDeep =
      `Maps and lists nest deeper than ${LIMITS.maxNestingDepth} levels here; the template is not read further ` +
      `(SAM CLI and cfn-lint cannot read it either).`;
    const cases: { name: string; parse: (text: string) => ParseResult; text: string; at: number }[] = [
      {
        name: 'YAML [[[...]]]',
        parse: parseYaml,
        text: `${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
        at: LIMITS.maxNestingDepth,
      },
      {
        name: 'YAML {a: {a: ...}}',
        parse: parseYaml,
        text: `${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}\n`,
        at: 4 * LIMITS.maxNestingDepth,
      },
      { name: 'YAML block lists', parse: parseYaml, text: `${'- '.repeat(DEEP)}x\n`, at: 2 * LIMITS.maxNestingDepth },
      {
        name: 'JSON [[[...]]]',
        parse: parseJson,
        text: `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
        at: LIMITS.maxNestingDepth,
      },
      {
        name: 'JSON {"a": {"a": ...}}',
        parse: parseJson,
        text: `${'{"a": '.repeat(DEEP)}1${'}'.repeat(DEEP)}`,
        at: 6 * LIMITS.maxNestingDepth,
      },
    ];
    for (const { name, parse, text, at: offset } of cases) {
      it(`${DEEP}-deep ${name} is a message at the first level too deep, not a stack overflow`, () => {
        const result = parse(text);
        assert.deepStrictEqual(
          result.problems.map((p) => [p.message, p.span]),
          [[tooDeep, { start: offset, end: offset + 1 }]],
        );
      });
    }

    it(`${LIMITS.maxNestingDepth} levels are still read, in YAML and JSON`, () => {
      const depth = LIMITS.maxNestingDepth;
      for (const result of [
        parseYaml(`${'['.repeat(depth)}${']'.repeat(depth)}\n`),
        parseJson(`${'['.repeat(depth)}${']'.repeat(depth)}`),
      ]) {
        assert.deepStrictEqual(result.problems, []);
        let levels = 0;
        for (let node = result.root; node?.kind === 'seq'; node = node.items[0]) levels++;
        assert.strictEqual(levels, depth);
      }
    });
  });
});
