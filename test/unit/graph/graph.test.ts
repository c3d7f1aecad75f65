import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildGraph } from '../../../src/core/graph/graph';
import { load } from '../helpers';

const EXAMPLE = path.resolve(__dirname, '../../../examples/sam-app/template.yaml');

describe('architecture graph of the example app', () => {
  const template = load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  const graph = buildGraph(template);
  const edge = (from: string, to: string, kind: string): boolean =>
    graph.edges.some((e) => e.from === from && e.to === to && e.kind === kind);

  it('draws event sources into functions', () => {
    assert.ok(edge('OrdersQueue', 'ProcessOrderFunction', 'event'));
    assert.ok(edge('ServerlessRestApi', 'CreateOrderFunction', 'event'), 'the implicit REST API is a source');
    assert.ok(graph.nodes.some((n) => n.origin === 'virtual' && n.label === 'Schedule cron(0 2 * * ? *)'));
  });

  it('draws environment variables that carry a resource name', () => {
    assert.ok(edge('CreateOrderFunction', 'OrdersTable', 'environment'));
    assert.ok(edge('ReportFunction', 'ReportsBucket', 'environment'));
  });

  it('draws a state machine invoking its function, and plain references', () => {
    assert.ok(edge('NightlyExport', 'ReportFunction', 'invokes'));
    assert.ok(edge('OrdersQueue', 'OrdersDeadLetterQueue', 'reference'));
  });

  it('puts sources, compute and stores in their columns and hides generated roles by default', () => {
    const layer = (id: string): string | undefined => graph.nodes.find((n) => n.id === id)?.layer;
    assert.deepEqual(
      [layer('OrdersQueue'), layer('CreateOrderFunction'), layer('OrdersTable')],
      ['source', 'compute', 'store'],
    );
    assert.ok(!graph.nodes.some((n) => n.id === 'CreateOrderFunctionRole'));
    assert.ok(buildGraph(template, { includeGenerated: true }).nodes.some((n) => n.id === 'CreateOrderFunctionRole'));
  });

  it('links each generated resource to what generates it, so it is drawn beside it', () => {
    const full = buildGraph(template, { includeGenerated: true });
    const generated = (from: string): string[] =>
      full.edges
        .filter((e) => e.kind === 'generates' && e.from === from)
        .map((e) => e.to)
        .sort();
    assert.deepEqual(generated('ProcessOrderFunction'), ['ProcessOrderFunctionOrderQueue', 'ProcessOrderFunctionRole']);
    const unlinked = full.nodes.filter(
      (n) => n.origin === 'generated' && n.detail && !full.edges.some((e) => e.kind === 'generates' && e.to === n.id),
    );
    assert.deepEqual(unlinked, [], 'every generated resource hangs off its maker');
    assert.ok(!graph.edges.some((e) => e.kind === 'generates'), 'none while generated resources are hidden');
  });

  it('adds what permissions found, drawn as its own kind', () => {
    const g = buildGraph(template, {
      access: [
        { functionId: 'ReportFunction', resourceId: 'OrdersTable', kind: 'code-call', actions: ['dynamodb:Scan'] },
      ],
    });
    assert.ok(g.edges.some((e) => e.kind === 'code-call' && e.label === 'dynamodb:Scan'));
  });
});

describe('architecture graph: sources and references as the model names them', () => {
  const template = load(
    [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Bus:',
      '    Type: AWS::Events::EventBus',
      '    Properties: {Name: orders}',
      '  Worker:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      {Runtime: python3.12, Handler: app.worker, AutoPublishAlias: live,',
      '       Events: {OnOrder: {Type: EventBridgeRule, Properties: {EventBusName: !Ref Bus, Pattern: {source: ' +
        '[shop]}}}}}',
      '  Caller:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: python3.12, Handler: app.caller, Environment: {Variables: {WORKER: !Ref ' +
        'Worker.Alias}}}',
      '',
    ].join('\n'),
  );
  const graph = buildGraph(template);
  const edges = graph.edges.map((e) => `${e.from} -${e.kind}-> ${e.to}`);

  it("draws an EventBridge rule's events from its bus, and SAM's !Ref Worker.Alias to Worker", () => {
    assert.ok(edges.includes('Bus -event-> Worker'), edges.join('; '));
    assert.ok(edges.includes('Caller -environment-> Worker'), edges.join('; '));
  });
});
