import { strict as assert } from 'assert';
import { highlightsAt, referencesAt } from '../../../src/core/navigation/find-references';
import { load, yaml } from '../helpers';
import { cursor, places, samTemplate } from './fixtures';

describe('find references and highlights', () => {
  const t = samTemplate();

  it('lists every use of a resource, !Sub strings and DependsOn included, from its definition', () => {
    const refs = referencesAt(t, cursor(t, '  |Table:'), { includeDeclaration: true });
    assert.deepEqual(
      places(
        t,
        refs.map((r) => r.span),
      ),
      ['19:3 Table', '26:17 Table', '34:29 Table', '37:32 Table', '39:25 Table', '43:17 Table'],
    );
  });

  it('finds the same list from a use, without the declaration when not asked', () => {
    const refs = referencesAt(t, cursor(t, '${|Table}'), { includeDeclaration: false });
    assert.equal(refs.length, 5);
    assert.ok(!refs.some((r) => t.text.slice(r.span.start, r.span.end + 1) === 'Table:'));
  });

  it('lists parameter uses in Globals, conditions, FindInMap keys and Sub strings', () => {
    const refs = referencesAt(t, cursor(t, '  |Stage:'), { includeDeclaration: false });
    assert.deepEqual(
      places(
        t,
        refs.map((r) => r.span),
      ),
      ['9:25 Stage', '17:21 Stage', '30:43 Stage', '37:68 Stage'],
    );
  });

  it('lists condition and mapping uses', () => {
    assert.deepEqual(
      places(
        t,
        referencesAt(t, cursor(t, '|IsProd:'), { includeDeclaration: false }).map((r) => r.span),
      ),
      ['21:16 IsProd', '31:21 IsProd'],
    );
    assert.deepEqual(
      places(
        t,
        referencesAt(t, cursor(t, '|Sizes:'), { includeDeclaration: false }).map((r) => r.span),
      ),
      ['30:31 Sizes'],
    );
  });

  it("finds the imports of an output's export in other templates", () => {
    const producer = load(t.text, '/w/a/template.yaml');
    const consumer = load(
      yaml(
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !ImportValue orders-TableName',
      ),
      '/w/b/template.yaml',
    );
    const refs = referencesAt(producer, cursor(producer, '|TableName:\n'), {
      includeDeclaration: false,
      others: [producer, consumer],
    });
    assert.equal(refs.length, 1);
    assert.equal(refs[0].fileName, '/w/b/template.yaml');
    assert.equal(consumer.text.slice(refs[0].span.start, refs[0].span.end), 'orders-TableName');
  });

  it('highlights the definition as a write and the uses as reads', () => {
    const h = highlightsAt(t, cursor(t, 'Ref |Stage,'));
    assert.deepEqual(
      h.map((x) => `${x.kind} ${places(t, [x.span])[0]}`),
      ['write 4:3 Stage', 'read 9:25 Stage', 'read 17:21 Stage', 'read 30:43 Stage', 'read 37:68 Stage'],
    );
  });

  it('finds self: variable uses in serverless.yml', () => {
    const sls = load(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'custom:',
        '  table: t',
        'functions:',
        '  a:',
        '    handler: a.h',
        '    environment: {A: "${self:custom.table}", B: "x-${self:custom.table}-y"}',
      ),
      'serverless.yml',
    );
    const refs = referencesAt(sls, cursor(sls, '|table: t'), { includeDeclaration: true });
    assert.deepEqual(
      places(
        sls,
        refs.map((r) => r.span),
      ),
      ['4:3 table', '8:30 custom.table', '8:59 custom.table'],
    );
  });
});
