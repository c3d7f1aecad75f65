import { strict as assert } from 'assert';
import { itemsOf, toPlain, valueOf } from '../../../src/core';
import { textAt, where, yaml } from '../helpers';
import { messages, resolvedAt, sls } from './serverless-helpers';

const files: Record<string, string> = {
  'config.yml': 'memory: 512\nnested:\n  table: ${self:service}-table\nlist: [a, b]\n',
  './env.json': '{"LOG_LEVEL": "debug", "RETRIES": 3}',
  'self-include.yml': 'again: ${file(self-include.yml):again}\n',
  'broken.json': '{"a": ',
};
const readFile = (path: string) => files[path];

describe('Serverless variables', () => {
  const t = sls(
    yaml(
      'service: shop',
      'provider:',
      '  name: aws',
      "  stage: ${opt:stage, 'prod'}",
      '  region: ${opt:region, self:custom.region}',
      'custom:',
      '  region: eu-west-1',
      '  memory: ${file(config.yml):memory}',
      '  whole: ${file(config.yml)}',
      '  env: ${file(./env.json)}',
      '  table: ${file(config.yml):nested.table}',
      '  which: nested',
      '  nestedKey: ${file(config.yml):${self:custom.which}.table}',
      '  fromEnv: ${env:DEPLOY_USER, "nobody"}',
      '  envSet: ${env:HOME_DIR}',
      '  name: ${self:service}-${sls:stage}-${self:provider.region}',
      '  count: ${self:custom.number}',
      '  number: 42',
      '  flag: ${strToBool(true)}',
      '  fallbackChain: ${self:custom.nope, env:NOPE, 7}',
      '  secret: ${ssm:/shop/${sls:stage}/secret}',
      '  stackOut: ${cf:other-stack.Url}',
      '  mixed: arn:${aws:accountId}:s3:::${self:service}-${aws:region}',
      '  cfn: ${AWS::Region}-${Thing}',
      '  list: ${file(config.yml):list}',
    ),
    { readFile, env: { HOME_DIR: '/home/me' } },
  );

  it('resolves self, sls:stage, opt and env defaults inside text', () => {
    assert.equal(t.serverless?.stage, 'prod');
    assert.equal(t.serverless?.region, 'eu-west-1');
    assert.equal(resolvedAt(t, 'custom.name'), 'shop-prod-eu-west-1');
    assert.equal(resolvedAt(t, 'custom.fromEnv'), 'nobody');
    assert.equal(resolvedAt(t, 'custom.envSet'), '/home/me');
  });

  it('keeps the type of whole-value references: numbers, booleans, maps and lists', () => {
    assert.equal(resolvedAt(t, 'custom.count'), 42);
    assert.equal(resolvedAt(t, 'custom.memory'), 512);
    assert.equal(resolvedAt(t, 'custom.flag'), true);
    assert.deepEqual(resolvedAt(t, 'custom.env'), { LOG_LEVEL: 'debug', RETRIES: 3 });
    assert.deepEqual(resolvedAt(t, 'custom.list'), ['a', 'b']);
    assert.equal(resolvedAt(t, 'custom.fallbackChain'), 7);
  });

  it('resolves variables inside imported files and nested variables in addresses', () => {
    assert.equal(resolvedAt(t, 'custom.table'), 'shop-table');
    assert.equal(resolvedAt(t, 'custom.nestedKey'), 'shop-table');
    assert.deepEqual(resolvedAt(t, 'custom.whole'), { memory: 512, nested: { table: 'shop-table' }, list: ['a', 'b'] });
  });

  it('points values from other files at the reference that imports them', () => {
    const memory = valueOf(valueOf(t.serverless!.resolved, 'custom'), 'memory')!;
    assert.equal(textAt(t, memory.span), '${file(config.yml):memory}');
  });

  it('lists ssm, cf and aws:accountId as unresolved, with the span of the expression only', () => {
    const unresolved = t.serverless!.unresolvedVariables.map((u) => [
      u.expression,
      u.source,
      textAt(t, u.span),
      where(t, u.span),
    ]);
    assert.deepEqual(unresolved, [
      ['${ssm:/shop/${sls:stage}/secret}', 'ssm', '${ssm:/shop/${sls:stage}/secret}', '21:11'],
      ['${cf:other-stack.Url}', 'cf', '${cf:other-stack.Url}', '22:13'],
      ['${aws:accountId}', 'aws', '${aws:accountId}', '23:14'],
    ]);
    assert.equal(
      resolvedAt(t, 'custom.mixed'),
      'arn:${aws:accountId}:s3:::shop-eu-west-1',
      'aws:region is read from the configuration',
    );
  });

  it("leaves CloudFormation's ${AWS::Region} and ${Resource} alone", () => {
    assert.equal(resolvedAt(t, 'custom.cfn'), '${AWS::Region}-${Thing}');
    assert.deepEqual(messages(t), []);
  });

  it('defaults to stage dev and region us-east-1, and lists opt without default as unresolved', () => {
    const d = sls(yaml('service: s', 'provider:', '  name: aws', '  memorySize: ${opt:memory}'));
    assert.equal(d.serverless?.stage, 'dev');
    assert.equal(d.serverless?.region, 'us-east-1');
    assert.deepEqual(
      d.serverless?.unresolvedVariables.map((u) => [u.expression, u.source]),
      [['${opt:memory}', 'opt']],
    );
    assert.match(d.serverless!.unresolvedVariables[0].reason!, /--memory/);
    assert.deepEqual(d.problems, []);
  });

  it('reports a variable that refers to itself, through others or directly, without hanging', () => {
    const c = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'custom:',
        '  a: ${self:custom.b}',
        '  b: x-${self:custom.a}',
        '  me: ${self:custom.me}',
        '  parent: ${self:custom}',
        '  loop: ${file(self-include.yml):again}',
      ),
      { readFile },
    );
    const found = messages(c);
    assert.ok(
      found.some((m) =>
        m.startsWith(
          '4:6 This variable refers back to itself: ${self:custom.b} → x-${self:custom.a} → ${self:custom.b}',
        ),
      ),
      found.join('\n'),
    );
    assert.ok(
      found.some((m) => m.startsWith('6:7 This variable refers back to itself')),
      found.join('\n'),
    );
    assert.ok(
      found.some((m) => m.startsWith('7:11 This variable refers back to itself')),
      found.join('\n'),
    );
    assert.ok(
      found.some((m) => /^8:9 The file self-include.yml includes itself/.test(m)),
      found.join('\n'),
    );
  });

  it('stops runaway depth with a clear problem', () => {
    const chain = Array.from({ length: 80 }, (_, i) => `  v${i}: \${self:custom.v${i + 1}}`);
    const d = sls(yaml('service: s', 'provider: {name: aws}', 'custom:', ...chain, '  v80: end'));
    assert.ok(
      messages(d).some((m) => /nest more than 50 levels/.test(m)),
      messages(d).join('\n'),
    );
  });

  it('imports a file once per place, so files that include the next one twice stay linear', () => {
    const nested: Record<string, string> = { 'f40.yml': 'leaf\n' };
    for (let i = 0; i < 40; i++) nested[`f${i}.yml`] = `a: ["\${file(f${i + 1}.yml)}", "\${file(f${i + 1}.yml)}"]\n`;
    const d = sls(yaml('service: s', 'provider: {name: aws}', 'custom:', '  tree: ${file(f0.yml)}'), {
      readFile: (p) => nested[p],
    });
    let node = valueOf(valueOf(d.serverless!.resolved, 'custom'), 'tree');
    for (let depth = 0; depth < 40; depth++) node = itemsOf(valueOf(node, 'a'))[1];
    assert.equal(toPlain(node!), 'leaf');
  });

  it('reports missing values, missing files, broken files and bad syntax at the expression', () => {
    const d = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'custom:',
        '  missing: ${self:custom.nothing}',
        '  noFile: ${file(absent.yml)}',
        '  broken: ${file(broken.json)}',
        '  bad: ${opt:stage, dev}',
        '  open: ${self:custom.missing',
        '  textual: prefix-${file(config.yml):nested}',
        '  policyVariable: arn:aws:s3:::b/${aws:username}/*',
      ),
      { readFile },
    );
    assert.deepEqual(messages(d), [
      '4:12 ${self:custom.nothing} has no value: self:custom.nothing is not set.',
      '5:11 ${file(absent.yml)} has no value: the file absent.yml does not exist.',
      '6:11 The file broken.json cannot be read: JSON: value expected.',
      `7:21 Variable syntax: "dev" is not a valid fallback: quote text ('dev'), or use a number, true, false or null.`,
      '8:9 Variable syntax: This variable is never closed: a "}" is missing.',
      '9:19 ${file(config.yml):nested} is a map and cannot be part of a text value.',
      `10:34 \${aws:username} has no value: the framework's aws source has only accountId and region, not "username".`,
    ]);
  });

  it('without a file reader, lists file() as unresolved instead of failing', () => {
    const d = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'custom:',
        '  x: ${file(config.yml):memory}',
        '  js: ${file(./vars.js):x}',
      ),
    );
    assert.deepEqual(
      d.serverless?.unresolvedVariables.map((u) => u.reason),
      ['files cannot be read here', 'JavaScript and TypeScript files are not run by the editor'],
    );
  });
});

describe('Serverless variable syntax', () => {
  it('reads quoted parameters, nested variables and fallbacks like the framework', () => {
    const commaFile: Record<string, string> = { 'a,b.yml': 'x: 1\n' };
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'custom:',
        "  quoted: ${file('a,b.yml'):x}",
        '  which: quoted',
        '  nested: ${self:custom.${self:custom.which}}',
        '  spaced: ${ opt:nope , "two words" }',
        '  escaped: \\${self:service}',
        '  github: ${{ secrets.TOKEN }}',
        '  subVariable: ${myVar}',
      ),
      { readFile: (p) => commaFile[p] },
    );
    assert.equal(resolvedAt(t, 'custom.quoted'), 1);
    assert.equal(resolvedAt(t, 'custom.nested'), 1);
    assert.equal(
      resolvedAt(t, 'custom.spaced'),
      '${ opt:nope , "two words" }',
      'a space after ${ makes it text for the framework',
    );
    assert.equal(resolvedAt(t, 'custom.escaped'), '\\${self:service}', 'an escaped variable stays text');
    assert.equal(resolvedAt(t, 'custom.github'), '${{ secrets.TOKEN }}');
    assert.equal(resolvedAt(t, 'custom.subVariable'), '${myVar}', "Fn::Sub variables are not the framework's");
    assert.deepEqual(messages(t), []);
  });
});
