import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { accessEdges } from '../../../src/core/graph/access';
import { buildGraph } from '../../../src/core/graph/graph';
import { analyzePermissions } from '../../../src/core/permissions';
import { load } from '../helpers';

const EXAMPLE = path.resolve(__dirname, '../../../examples/sam-app/template.yaml');

describe('architecture graph with what the permissions analysis found', () => {
  const template = load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  const readFile = (file: string): string | undefined =>
    fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const access = accessEdges(analyzePermissions(template, { readFile }));

  it('turns granted statements into permission edges with their actions, one per function and resource', () => {
    const grant = access.find(
      (e) => e.functionId === 'CreateOrderFunction' && e.resourceId === 'OrdersTable' && e.kind === 'permission',
    );
    assert.ok(grant);
    assert.ok(grant.actions.includes('dynamodb:PutItem'), grant.actions.join(', '));
    const keys = access.map((e) => `${e.functionId} ${e.resourceId} ${e.kind}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('turns the calls the handler code makes into code-call edges, drawn apart from permissions', () => {
    assert.deepEqual(
      access.find(
        (e) => e.functionId === 'ReportFunction' && e.resourceId === 'ReportsBucket' && e.kind === 'code-call',
      )?.actions,
      ['s3:PutObject'],
    );
    const call = access.find(
      (e) => e.functionId === 'CreateOrderFunction' && e.resourceId === 'OrdersTable' && e.kind === 'code-call',
    );
    assert.ok(call, 'create.js writes the order with the DynamoDB client');
    const graph = buildGraph(template, { access });
    assert.ok(
      graph.edges.some((e) => e.from === 'CreateOrderFunction' && e.to === 'OrdersTable' && e.kind === 'code-call'),
    );
    assert.ok(
      graph.edges.some((e) => e.from === 'CreateOrderFunction' && e.to === 'OrdersTable' && e.kind === 'permission'),
    );
  });
});
