import { strict as assert } from 'assert';
import { definitionAt } from '../../../src/core/navigation/definition';
import { prepareRename, renameAt } from '../../../src/core/navigation/rename';
import type { TextEdit } from '../../../src/core/navigation/rename';
import type { Template } from '../../../src/core';
import { load } from '../helpers';
import { cursor, samTemplate } from './fixtures';

/** The text after applying the edits, as the editor would. */
function apply(template: Template, edits: readonly TextEdit[]): string {
  let text = template.text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
    text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  return text;
}

function renamed(template: Template, at: number, newName: string): string {
  const result = renameAt(template, at, newName);
  if ('error' in result) throw new Error(result.error);
  return apply(template, result.edits);
}

describe('rename', () => {
  const t = samTemplate();

  it('renames a logical ID with every use, inside !Sub strings and GetAtt forms, in one edit set', () => {
    const after = renamed(t, cursor(t, '|Table:'), 'OrdersTable');
    assert.match(after, /^ {2}OrdersTable:\n {4}Type: AWS::DynamoDB::Table/m);
    assert.match(after, /DependsOn: \[OrdersTable, TableStream\]/);
    assert.match(after, /TableName: !Ref OrdersTable/);
    assert.match(after, /https:\/\/\$\{OrdersTable\}\.example\/\$\{TableStream\.Arn\}/);
    assert.match(after, /!GetAtt \[OrdersTable, Arn\]/);
    assert.match(after, /Value: !Ref OrdersTable/);
    const reloaded = load(after);
    assert.ok(
      reloaded.resourceById.has('OrdersTable') && reloaded.resourceById.has('TableStream'),
      'TableStream, which starts with Table, is untouched',
    );
  });

  it('leaves a longer name that starts with the renamed one alone (Stage vs StageName)', () => {
    const after = renamed(t, cursor(t, '|Stage:'), 'Env');
    assert.match(after, /^ {2}StageName:/m);
    assert.match(after, /\$\{Env\}'/);
    assert.match(after, /!FindInMap \[Sizes, !Ref Env, Memory\]/);
    assert.match(after, /STAGE: !Ref Env/);
    assert.equal(
      load(after)
        .parameters.map((p) => p.name)
        .join(),
      'Env,StageName',
    );
  });

  it('renames a condition and a mapping with their uses', () => {
    const cond = renamed(t, cursor(t, '!If [|IsProd'), 'Production');
    assert.equal((cond.match(/Production/g) ?? []).length, 3);
    const map = renamed(t, cursor(t, '|Sizes:'), 'MemorySizes');
    assert.match(map, /!FindInMap \[MemorySizes, /);
  });

  it('carries uses of SAM-generated names along (WorkerRole → JobRole)', () => {
    const after = renamed(t, cursor(t, '|Worker:'), 'Job');
    assert.match(after, /!GetAtt JobRole\.Arn/);
  });

  it('refuses invalid and taken names with a reason', () => {
    assert.match(
      (renameAt(t, cursor(t, '|Table:'), 'Orders-Table') as { error: string }).error,
      /not a valid logical ID/,
    );
    assert.match((renameAt(t, cursor(t, '|Table:'), 'TableStream') as { error: string }).error, /already used/);
    assert.match(
      (renameAt(t, cursor(t, '|Table:'), 'Stage') as { error: string }).error,
      /already used/,
      'parameters and resources share names',
    );
    assert.match(
      (renameAt(t, cursor(t, '|Table:'), 'WorkerRole') as { error: string }).error,
      /already used/,
      'a generated name is taken',
    );
    assert.match((renameAt(t, cursor(t, '|Worker:'), 'Table') as { error: string }).error, /already used/);
  });

  it('refuses to rename what is not a template name', () => {
    assert.match(
      (prepareRename(t, cursor(t, 'AWS::|Region')) as { error: string }).error,
      /pseudo parameter|Place the cursor/,
    );
    assert.match((prepareRename(t, cursor(t, 'python|3.12')) as { error: string }).error, /Place the cursor/);
    assert.match((prepareRename(t, cursor(t, '|WorkerRole')) as { error: string }).error, /generated from Worker/);
    assert.deepEqual(prepareRename(t, cursor(t, 'Ref |Stage,')), {
      span: { start: cursor(t, 'Ref |Stage,'), end: cursor(t, 'Ref |Stage,') + 5 },
      placeholder: 'Stage',
    });
  });

  it('refuses to rename a name the Serverless Framework derives, and goes to what it derives from', () => {
    const sls = load(
      'service: s\nprovider: {name: aws}\nfunctions:\n  hello:\n    handler: a.h\nresources:\n  Outputs:\n    ' +
        'Fn:\n      Value: !GetAtt HelloLambdaFunction.Arn\n',
      'serverless.yml',
    );
    const key = { start: sls.text.indexOf('hello'), end: sls.text.indexOf('hello') + 5 };
    // What the framework's model reports for a function: a written resource under its derived name.
    const modelled = {
      ...sls,
      resources: [
        ...sls.resources,
        {
          logicalId: 'HelloLambdaFunction',
          type: 'AWS::Lambda::Function',
          origin: 'written' as const,
          idSpan: key,
          span: key,
        },
      ],
    };
    const at = cursor(modelled, '!GetAtt |HelloLambdaFunction');
    assert.deepEqual(
      definitionAt(modelled, at).map((d) => d.span),
      [key],
    );
    assert.match((prepareRename(modelled, at) as { error: string }).error, /derives from 'hello'/);
  });

  it('renames in a JSON template inside the quotes', () => {
    const json = load(
      [
        '{"Resources": {',
        '  "Queue": {"Type": "AWS::SQS::Queue"},',
        '  "QueueUser": {"Type": "AWS::Lambda::Function", "DependsOn": "Queue", "Properties": {"Environment": ' +
          '{"Variables": {',
        '    "Q": {"Ref": "Queue"}, "A": {"Fn::GetAtt": ["Queue", "Arn"]}, "B": {"Fn::GetAtt": "Queue.Arn"}, ' +
          '"S": {"Fn::Sub": "x-${Queue}-${QueueUser}"}}}}}',
        '}}',
      ].join('\n'),
      'template.json',
    );
    const after = renamed(json, cursor(json, '"|Queue": {'), 'Jobs');
    assert.equal(
      after,
      [
        '{"Resources": {',
        '  "Jobs": {"Type": "AWS::SQS::Queue"},',
        '  "QueueUser": {"Type": "AWS::Lambda::Function", "DependsOn": "Jobs", "Properties": {"Environment": ' +
          '{"Variables": {',
        '    "Q": {"Ref": "Jobs"}, "A": {"Fn::GetAtt": ["Jobs", "Arn"]}, "B": {"Fn::GetAtt": "Jobs.Arn"}, "S": ' +
          '{"Fn::Sub": "x-${Jobs}-${QueueUser}"}}}}}',
        '}}',
      ].join('\n'),
    );
    assert.doesNotThrow(() => JSON.parse(after));
  });
});

describe("rename and definition through SAM's dotted references", () => {
  const t = load(
    [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Worker:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: nodejs20.x, Handler: a.h, AutoPublishAlias: live}',
      'Outputs:',
      '  Alias:',
      '    Value: !Ref Worker.Alias',
      '',
    ].join('\n'),
  );

  it('a !Ref Worker.Alias goes to Worker, and renaming Worker keeps .Alias', () => {
    const [definition] = definitionAt(t, cursor(t, '!Ref Wor|ker.Alias'));
    assert.equal(t.text.slice(definition.span.start, definition.span.end), 'Worker');
    assert.equal(definition.span.start, t.text.indexOf('Worker:'));
    const after = renamed(t, cursor(t, '|Worker:'), 'Consumer');
    assert.match(after, /^ {2}Consumer:/m);
    assert.match(after, /Value: !Ref Consumer\.Alias$/m);
  });
});
