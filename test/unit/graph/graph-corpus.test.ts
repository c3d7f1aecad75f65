import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { buildGraph } from '../../../src/core/graph/graph';
import type { ArchitectureGraph, GraphEdgeKind } from '../../../src/core/graph/graph';
import { hasShared, load, SHARED } from '../helpers';

const INPUTS = path.join(SHARED, 'corpus', 'sam-translator', 'input');
const EXAMPLES = path.resolve(__dirname, '../../../examples');

const has = (g: ArchitectureGraph, from: string, to: string, kind: GraphEdgeKind): boolean =>
  g.edges.some((e) => e.from === from && e.to === to && e.kind === kind);
const graphOf = (file: string, includeGenerated = false): ArchitectureGraph => {
  const text = fs.readFileSync(file, 'utf8');
  return buildGraph(load(text, file), { includeGenerated });
};

describe('architecture graph of the examples', () => {
  it("draws the SAM app's policies as what each function may touch", () => {
    const g = graphOf(path.join(EXAMPLES, 'sam-app/template.yaml'));
    assert.ok(has(g, 'CreateOrderFunction', 'OrdersQueue', 'permission'));
    assert.equal(
      g.edges.find((e) => e.from === 'ReportFunction' && e.to === 'ReportsBucket' && e.kind === 'permission')?.label,
      'S3CrudPolicy',
    );
    assert.ok(has(g, 'NightlyExport', 'ReportFunction', 'permission'), 'LambdaInvokePolicy');
    assert.ok(
      !g.edges.some((e) => e.from === 'CreateOrderFunction' && e.to === 'OrdersTable' && e.kind === 'reference'),
      'a policy is not drawn again as a plain reference',
    );
  });

  it("joins the Serverless Framework app's http events to the framework's REST API", () => {
    const g = graphOf(path.join(EXAMPLES, 'serverless-app/serverless.yml'));
    assert.ok(has(g, 'ApiGatewayRestApi', 'SubscribeLambdaFunction', 'event'));
    assert.ok(has(g, 'NotifyQueue', 'NotifyLambdaFunction', 'event'));
    assert.ok(has(g, 'SubscribeLambdaFunction', 'NotifyQueue', 'environment'));
    assert.deepEqual(
      g.nodes
        .filter((n) => n.layer === 'compute')
        .map((n) => n.id)
        .sort(),
      ['DigestLambdaFunction', 'NotifyLambdaFunction', 'SubscribeLambdaFunction'],
    );
  });
});

describe('architecture graph over the SAM translator inputs', function () {
  before(function () {
    if (!hasShared) {
      console.log(`      skipped: ${INPUTS} is missing (set SWB_SHARED to the shared folder)`);
      this.skip();
    }
  });

  it('draws connectors as permission edges and relation resources as event edges, not as boxes', () => {
    const g = graphOf(path.join(INPUTS, 'connector_sqs_to_function.yaml'));
    assert.ok(has(g, 'Queue', 'InvokedFunction', 'permission'));
    assert.equal(
      g.edges.find((e) => e.kind === 'permission' && e.to === 'InvokedFunction')?.label,
      'Connector: Read, Write',
    );
    assert.ok(has(g, 'Queue', 'InvokedFunction', 'event'), 'the written event source mapping');
    assert.ok(
      !g.nodes.some((n) => n.type === 'AWS::Serverless::Connector' || n.type === 'AWS::Lambda::EventSourceMapping'),
    );
  });

  it("draws a bucket's notification, a state machine's functions and embedded connectors", () => {
    assert.ok(
      has(
        graphOf(path.join(INPUTS, 's3_existing_lambda_notification_configuration.yaml')),
        'Images',
        'ThumbnailFunction',
        'event',
      ),
    );
    const sfn = graphOf(path.join(INPUTS, 'state_machine_with_sam_policy_templates.yaml'));
    assert.ok(has(sfn, 'ProcessingWorkflow', 'StarterLambda', 'invokes'));
    assert.ok(has(sfn, 'ProcessingWorkflow', 'ResolverLambda', 'invokes'));
    const embedded = graphOf(path.join(INPUTS, 'embedded_connector_function_to_multi_dest.yaml'));
    assert.ok(embedded.edges.some((e) => e.kind === 'permission' && e.label?.startsWith('Connector:')));
  });

  it(
    'builds a consistent graph for every template: unique ' + 'nodes, edges between drawn nodes, every function drawn',
    () => {
      const files = fs.readdirSync(INPUTS).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_'));
      const kinds = new Map<string, number>();
      for (const file of files) {
        const text = fs.readFileSync(path.join(INPUTS, file), 'utf8');
        const template = loadTemplate(text, file);
        if (!template) continue;
        for (const includeGenerated of [false, true]) {
          const g = buildGraph(template, { includeGenerated });
          const ids = g.nodes.map((n) => n.id);
          assert.equal(new Set(ids).size, ids.length, `${file}: node ids are unique`);
          for (const e of g.edges)
            assert.ok(ids.includes(e.from) && ids.includes(e.to), `${file}: ${e.from} → ${e.to} joins drawn nodes`);
          for (const fn of template.functions.filter((f) => includeGenerated || f.resource.origin === 'written')) {
            assert.ok(
              g.nodes.some((n) => n.id === fn.logicalId && n.layer === 'compute'),
              `${file}: ${fn.logicalId} is drawn`,
            );
          }
          if (!includeGenerated) for (const e of g.edges) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
        }
      }
      // The corpus exercises every kind the template alone can show (code calls come from handler sources).
      for (const kind of ['event', 'reference', 'environment', 'invokes', 'permission'])
        assert.ok((kinds.get(kind) ?? 0) > 10, `${kind} edges: ${kinds.get(kind)}`);
    },
  );
});
