import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mapAt, stringOf, valueOf } from '../../../src/core';
import type { Template } from '../../../src/core';
import { SHARED, hasShared, load, textAt, where, yaml } from '../helpers';

function fn(template: Template, id: string) {
  const f = template.functions.find((x) => x.logicalId === id);
  assert.ok(f, `function ${id}`);
  return f;
}

function problems(template: Template): string[] {
  return template.problems.map((p) => `${where(template, p.span)} ${textAt(template, p.span)}: ${p.message}`);
}

describe('SAM Globals', () => {
  it(
    "merges with SAM's rules: resource scalars win, maps merge, lists concatenate globals first, mixed kinds " +
      "keep the resource's",
    () => {
      const t = load(
        yaml(
          'Transform: AWS::Serverless-2016-10-31',
          'Globals:',
          '  Function:',
          '    Runtime: python3.12',
          '    MemorySize: 256',
          '    Layers: [!Ref Shared]',
          '    Environment:',
          '      Variables: {STAGE: prod, TABLE: t}',
          '    Tags: {team: a}',
          'Resources:',
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Runtime: nodejs22.x',
          '      Layers: [!Ref Own]',
          '      Environment:',
          '        Variables: {TABLE: mine}',
          '      Tags: !Ref NoTags',
        ),
      );
      const f = fn(t, 'Fn');
      assert.equal(f.runtime?.value, 'nodejs22.x');
      assert.equal(f.runtime?.source, 'resource');
      assert.equal(f.memorySize.value, 256);
      assert.equal(f.memorySize.source, 'globals');
      assert.equal(where(t, f.memorySize.span), '5:17', 'an inherited value points into Globals');
      assert.deepEqual(
        f.layers.map((l) => textAt(t, l.span)),
        ['!Ref Shared', '!Ref Own'],
      );
      assert.deepEqual(
        f.environment.map((v) => `${v.name}=${stringOf(v.value)} (${v.source})`),
        ['STAGE=prod (globals)', 'TABLE=mine (resource)'],
      );
      assert.equal(
        valueOf(f.resource.properties, 'Tags')?.kind,
        'intrinsic',
        'an intrinsic is a value, not a map to merge',
      );
      assert.deepEqual(t.problems, []);
    },
  );

  it('applies each section to its own type only, and Globals.Api to explicit APIs', () => {
    const t = load(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Api: {TracingEnabled: true}',
        '  SimpleTable: {SSESpecification: {SSEEnabled: true}}',
        'Resources:',
        '  Api: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}',
        '  Table: {Type: AWS::Serverless::SimpleTable}',
        '  Fn: {Type: AWS::Serverless::Function, Properties: {Runtime: nodejs22.x}}',
      ),
    );
    const props = (id: string) => t.resourceById.get(id)?.properties;
    assert.equal(stringOf(valueOf(props('Api'), 'TracingEnabled')), 'true');
    assert.equal(stringOf(valueOf(props('Api'), 'StageName')), 'prod');
    assert.equal(stringOf(valueOf(mapAt(props('Table'), 'SSESpecification'), 'SSEEnabled')), 'true');
    assert.equal(valueOf(props('Fn'), 'TracingEnabled'), undefined);
  });

  it('honours IgnoreGlobals as "*" or a list of property names, and reports names Globals cannot set', () => {
    const t = load(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function: {Runtime: python3.12, Handler: app.handler, MemorySize: 512}',
        'Resources:',
        '  All:',
        '    Type: AWS::Serverless::Function',
        "    IgnoreGlobals: '*'",
        '  Some:',
        '    Type: AWS::Serverless::Function',
        '    IgnoreGlobals: [Runtime, Handler, Colour]',
      ),
    );
    assert.equal(fn(t, 'All').memorySize.source, 'default');
    assert.equal(fn(t, 'Some').runtime, undefined);
    assert.equal(fn(t, 'Some').memorySize.value, 512);
    assert.deepEqual(problems(t), [
      "10:39 Colour: Resource Some has invalid resource attribute 'IgnoreGlobals' on item 'Colour': use '*' or " +
        'names of properties Globals.Function supports.',
    ]);
  });

  it('reports what SAM rejects at its key and does not merge it', () => {
    const t = load(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Role: arn:aws:iam::123456789012:role/r',
        '    Timeout: 10',
        '  Api:',
        '    StageName: prod',
        '  Queue:',
        '    VisibilityTimeout: 30',
        'Resources:',
        '  Fn: {Type: AWS::Serverless::Function, Properties: {Runtime: nodejs22.x}}',
      ),
    );
    const found = problems(t);
    assert.equal(found.length, 3);
    assert.match(
      found[0],
      /^4:5 Role: 'Globals' section is invalid\. 'Role' is not a supported property of 'Function' in Globals\. Must be one of: .*\bTimeout\b/,
    );
    assert.match(
      found[1],
      /^7:5 StageName: 'Globals' section is invalid\. 'StageName' is not a supported property of 'Api'/,
    );
    assert.equal(
      found[2],
      "8:3 Queue: 'Globals' section is invalid. 'Queue' is not supported. Must be one of: Api, CapacityProvider, " +
        'Function, HttpApi, LayerVersion, SimpleTable, StateMachine, WebSocketApi.',
    );
    assert.equal(fn(t, 'Fn').role, undefined, 'the rejected Role is not merged');
    assert.equal(fn(t, 'Fn').timeout.value, 10);
  });

  it('says a Globals that is not a map, or is empty, is invalid', () => {
    for (const globals of ['Globals: [1, 2]', 'Globals: {}']) {
      const t = load(
        yaml('Transform: AWS::Serverless-2016-10-31', globals, 'Resources:', '  Fn: {Type: AWS::Serverless::Function}'),
      );
      assert.deepEqual(
        t.problems.map((p) => `${where(t, p.span)} ${p.message}`),
        ["2:10 'Globals' section is invalid. It must be a non-empty dictionary."],
      );
    }
  });

  it("reports every Globals error case of the SAM translator's tests", function () {
    const dir = path.join(SHARED, 'corpus', 'sam-translator', 'input');
    if (!hasShared || !fs.existsSync(dir)) {
      console.log(`    skipped: ${dir} is missing`);
      this.skip();
    }
    const cases = fs
      .readdirSync(dir)
      .filter((f) => /^error_(globals_|global_|function_with_invalid_ignore_globals)/.test(f));
    assert.ok(cases.length >= 6);
    for (const file of cases) {
      const t = load(fs.readFileSync(path.join(dir, file), 'utf8'), file);
      assert.ok(
        t.problems.some((p) => /Globals/.test(p.message)),
        `${file}: ${JSON.stringify(t.problems.map((p) => p.message))}`,
      );
    }
  });
});
