import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { workbench, workspaceUri } from './workbench';

/** Opens a workspace file and returns the position at the `|` of `needle` (the `|` is not in the file). */
async function at(
  relative: string[],
  needle: string,
  nth = 0,
): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...relative));
  await vscode.window.showTextDocument(document);
  const bar = needle.indexOf('|');
  const text = needle.replace('|', '');
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = document.getText().indexOf(text, offset + 1);
  assert.ok(offset >= 0, `'${text}' is in ${relative.join('/')}`);
  return { document, position: document.positionAt(offset + bar) };
}

const lineOf = (document: vscode.TextDocument, text: string): number =>
  document
    .getText()
    .split('\n')
    .findIndex((l) => l === text);
const SAM = ['sam-app', 'template.yaml'];

describe('authoring in VS Code', () => {
  before(async () => {
    await workbench();
  });

  it('goes to the definition of a !Ref inside a SAM policy template', async () => {
    const { document, position } = await at(SAM, 'TableName: !Ref |OrdersTable');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    const ours = locations.filter((l) => l.uri.toString() === document.uri.toString());
    assert.equal(ours.length, 1);
    assert.equal(ours[0].range.start.line, lineOf(document, '  OrdersTable:'));
    assert.equal(document.getText(ours[0].range), 'OrdersTable');
  });

  it('goes from a name SAM generates (${ServerlessRestApi} in !Sub) to the event that makes it exist', async () => {
    const { document, position } = await at(SAM, '${|ServerlessRestApi}');
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    assert.equal(document.getText(location.range), 'CreateOrder');
    assert.equal(location.range.start.line, lineOf(document, '        CreateOrder:'));
  });

  it('goes from a Handler to the exported function in its source file', async () => {
    const { document, position } = await at(SAM, 'Handler: |create.handler');
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    assert.ok(location, 'a definition for the handler');
    assert.match(location.uri.path, /sam-app\/src\/orders\/create\.js$/);
    const source = await vscode.workspace.openTextDocument(location.uri);
    assert.equal(source.getText(location.range), 'handler');
    assert.match(source.lineAt(location.range.start.line).text, /^exports\.handler = /);
  });

  it('goes from ${self:custom.x} to its key in serverless.yml', async () => {
    const { document, position } = await at(['serverless-app', 'serverless.yml'], '${self:custom.|digestSchedule}');
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    assert.equal(location.range.start.line, lineOf(document, '  digestSchedule: rate(1 day)'));
  });

  it('finds every reference of a table, Globals included', async () => {
    const { document, position } = await at(SAM, '  |OrdersTable:');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      position,
    );
    const lines = locations
      .filter((l) => l.uri.toString() === document.uri.toString())
      .map((l) => document.lineAt(l.range.start.line).text.trim());
    assert.ok(lines.includes('TABLE_NAME: !Ref OrdersTable'), lines.join(' | '));
    assert.equal(lines.filter((l) => l === 'TableName: !Ref OrdersTable').length, 3);
    assert.ok(lines.includes('OrdersTable:'), 'the declaration');
  });

  it('renames a queue with all its uses in one WorkspaceEdit, and refuses an invalid name', async () => {
    const { document, position } = await at(SAM, 'QUEUE_URL: !Ref |OrdersQueue');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      position,
      'JobsQueue',
    );
    const edits = edit.get(document.uri);
    assert.deepEqual(
      edits.map((e) => document.getText(e.range)),
      ['OrdersQueue', 'OrdersQueue', 'OrdersQueue', 'OrdersQueue'],
    );
    assert.ok(edits.every((e) => e.newText === 'JobsQueue'));
    assert.ok(!edits.some((e) => document.lineAt(e.range.start.line).text.includes('OrdersDeadLetterQueue')));
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, position, 'Jobs-Queue'),
      ),
      /not a valid logical ID/,
    );
  });

  it('completes runtimes, !Ref targets and the attributes of a !GetAtt target', async () => {
    const runtime = await at(SAM, 'Runtime: |python3.12');
    const runtimes = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      runtime.document.uri,
      runtime.position,
    );
    const labels = runtimes.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('python3.13') && labels.includes('nodejs22.x'), labels.slice(0, 20).join());
    const ref = await at(SAM, 'QUEUE_URL: !Ref |OrdersQueue');
    const targets = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      ref.document.uri,
      ref.position,
    );
    assert.ok(targets.items.some((i) => i.label === 'OrdersTable'));
    const getAtt = await at(SAM, '!GetAtt OrdersQueue.|QueueName');
    const attributes = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      getAtt.document.uri,
      getAtt.position,
    );
    const attributeLabels = attributes.items
      .filter((i) => i.kind === vscode.CompletionItemKind.Field)
      .map((i) => i.label);
    assert.deepEqual([...attributeLabels].sort(), ['Arn', 'QueueName', 'QueueUrl']);
  });

  it('hovers a !Ref with what it resolves to, and a runtime with its lifecycle', async () => {
    const ref = await at(SAM, 'BUCKET_NAME: !Ref |ReportsBucket');
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      ref.document.uri,
      ref.position,
    );
    const text = hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /AWS::S3::Bucket/);
    assert.match(text, /returns its \*\*BucketName\*\*/);
    const runtime = await at(SAM, 'Runtime: |python3.12');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      runtime.document.uri,
      runtime.position,
    );
    const all = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(all, /python3\.12: (deprecation|deprecated since) \d{4}-\d{2}-\d{2}/);
  });

  it('outlines the template and finds symbols across the workspace', async () => {
    const { document } = await at(SAM, 'Resources:');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    const resources = symbols.find((s) => s.name === 'Resources');
    assert.ok(resources, symbols.map((s) => s.name).join());
    assert.ok(
      resources.children.some(
        (g) => g.name === 'AWS::Serverless::Function' && g.children.some((f) => f.name === 'ReportFunction'),
      ),
    );
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'NotifyQu',
    );
    assert.ok(
      found.some((s) => s.name === 'NotifyQueue' && s.location.uri.path.endsWith('serverless-app/serverless.yml')),
    );
  });

  it('highlights a name and shows the template functions above a handler', async () => {
    const { document, position } = await at(SAM, 'QueueName: !GetAtt |OrdersQueue.QueueName');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
      'vscode.executeDocumentHighlights',
      document.uri,
      position,
    );
    assert.equal(highlights.length, 4);
    assert.equal(highlights.filter((h) => h.kind === vscode.DocumentHighlightKind.Write).length, 1);
    const source = workspaceUri('sam-app', 'src', 'orders', 'create.js');
    await vscode.workspace.openTextDocument(source);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', source);
    assert.ok(
      lenses.some((l) => l.command?.title === 'Handler of CreateOrderFunction (sam-app/template.yaml)'),
      lenses.map((l) => l.command?.title).join(),
    );
  });
});
