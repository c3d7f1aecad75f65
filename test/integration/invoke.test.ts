/* eslint-disable @typescript-eslint/no-explicit-any -- AWS's JSON, read loosely and checked by the assertions */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { workbench, workspaceUri } from './workbench';

interface Outcome {
  readonly result: {
    payload: string;
    functionError?: { errorType: string; errorMessage: string };
    cold: boolean;
    logs: string;
  };
  readonly resultUri: vscode.Uri;
}

async function invoke(logicalId: string, extra: Record<string, unknown>): Promise<Outcome | undefined> {
  return vscode.commands.executeCommand<Outcome | undefined>('serverlessWorkbench.invokeFunction', {
    templateUri: workspaceUri('sam-app', 'template.yaml'),
    logicalId,
    ...extra,
  });
}

async function shown(uri: vscode.Uri): Promise<Record<string, any>> {
  const document = await vscode.workspace.openTextDocument(uri);
  return JSON.parse(document.getText());
}

describe('invoke in VS Code', function () {
  this.timeout(60000);
  // Where the interpreter lacks boto3, the Python example would ask to fetch it (a modal no test answers); this
  // suite checks the error Lambda gives without it. runtime-sdk.test.ts covers the fetch.
  const invokeSettings = () => vscode.workspace.getConfiguration('serverlessWorkbench.invoke');
  before(async () => {
    await workbench();
    assert.equal(vscode.workspace.isTrusted, true, 'this suite runs in a trusted workspace');
    await invokeSettings().update('fetchRuntimeSdk', 'never', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await invokeSettings().update('fetchRuntimeSdk', undefined, vscode.ConfigurationTarget.Global);
  });

  it("invokes the example's Node.js function and shows the response, figures and cost", async () => {
    const event = JSON.stringify({ httpMethod: 'POST', body: JSON.stringify({ item: 'book', quantity: 0 }) });
    // Other suites may have left this function warm; changed code retires warm environments, as a user's edit does.
    const handler = workspaceUri('sam-app', 'src', 'orders', 'create.js').fsPath;
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(handler, later, later);
    const outcome = await invoke('CreateOrderFunction', { event });
    assert.ok(outcome, 'the command returned a result');
    const doc = await shown(outcome.resultUri);
    assert.equal(doc.function, 'CreateOrderFunction');
    assert.equal(doc.functionError, null, outcome.result.logs);
    assert.equal(doc.payload.statusCode, 400, 'the handler rejected the zero quantity');
    assert.match(doc.payload.body, /positive integer quantity/);
    assert.equal(doc.cold, true);
    assert.ok(doc.durationMs >= 0 && doc.billedDurationMs >= 1 && doc.initDurationMs > 0);
    assert.ok(doc.maxMemoryUsedMb > 0 && doc.costUsd > 0);
    const again = await invoke('CreateOrderFunction', { event });
    assert.equal((await shown(again!.resultUri)).cold, false, `the second run is warm: ${again?.result.logs}`);
  });

  it("invokes the example's Python function and shows what it raised, as Lambda reports it", async () => {
    const outcome = await invoke('ReportFunction', { event: '{"pathParameters": {"day": "2026-01-01"}}' });
    assert.ok(outcome);
    const doc = await shown(outcome.resultUri);
    assert.equal(doc.function, 'ReportFunction');
    // Without AWS the handler cannot reach DynamoDB: boto3 missing, no credentials or no network; each is a
    // function error with the type Lambda would give, and the REPORT figures are there.
    assert.ok(doc.functionError, outcome.result.logs);
    assert.match(
      doc.functionError.errorType,
      /^(Runtime\.ImportModuleError|NoCredentialsError|EndpointConnectionError|ClientError|NoRegionError)$/,
    );
    assert.match(doc.logs, /REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 1024 MB/);
  });

  it('reports a broken event file with its position and does not run', async () => {
    const root = workspaceUri('sam-app', '.serverless-workbench').fsPath;
    const existed = fs.existsSync(root);
    const dir = path.join(root, 'events', 'CreateOrderFunction');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'broken-for-test.json');
    fs.writeFileSync(file, '{\n  "httpMethod": "POST",\n  "body": \n}\n');
    try {
      const outcome = await invoke('CreateOrderFunction', { eventFile: file });
      assert.equal(outcome, undefined, 'nothing ran');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.fsPath, file);
      assert.deepEqual(
        [editor!.selection.active.line, editor!.selection.active.character],
        [3, 0],
        'cursor on the error',
      );
    } finally {
      fs.rmSync(existed ? file : root, { recursive: true, force: true });
    }
  });

  it('shows ▶ Invoke locally and ☁ Invoke in AWS above each function and above the handler export', async () => {
    const template = workspaceUri('sam-app', 'template.yaml');
    await vscode.window.showTextDocument(template);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', template);
    const titles = lenses.map((l) => l.command?.title).filter((t) => t?.includes('Invoke'));
    assert.equal(titles.filter((t) => t === '▶ Invoke locally').length, 3);
    assert.equal(titles.filter((t) => t === '☁ Invoke in AWS').length, 3);
    const source = workspaceUri('sam-app', 'src', 'orders', 'create.js');
    const document = await vscode.workspace.openTextDocument(source);
    const inSource = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', source);
    const local = inSource.find((l) => l.command?.title === '▶ Invoke locally');
    assert.ok(local, 'a lens in the handler file');
    assert.match(document.lineAt(local.range.start.line).text, /^exports\.handler = /);
    assert.deepEqual(local.command?.arguments?.[0].logicalId, 'CreateOrderFunction');
  });

  it('serves the example through the local Lambda endpoint', async () => {
    await vscode.workspace
      .getConfiguration('serverlessWorkbench')
      .update('invoke.endpointPort', 0, vscode.ConfigurationTarget.Global);
    try {
      const port = await vscode.commands.executeCommand<number>(
        'serverlessWorkbench.startLocalEndpoint',
        workspaceUri('sam-app', 'template.yaml'),
      );
      assert.ok(port && port > 0);
      const res = await fetch(`http://127.0.0.1:${port}/2015-03-31/functions/CreateOrderFunction/invocations`, {
        method: 'POST',
        body: JSON.stringify({ httpMethod: 'POST', body: '{}' }),
      });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { statusCode: number }).statusCode, 400);
    } finally {
      await vscode.commands.executeCommand('serverlessWorkbench.stopLocalEndpoint');
      await vscode.workspace
        .getConfiguration('serverlessWorkbench')
        .update('invoke.endpointPort', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
