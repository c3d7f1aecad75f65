import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { PUT_ITEM_HANDLER, putItemTemplate } from '../fixtures/put-item-app';
import { eventually, findItem, workbench, workspaceUri } from './workbench';

const FOLDER = 'permissions-it';

const missing = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter(
      (d) =>
        d.source === 'serverless-workbench' && typeof d.code === 'object' && d.code.value === 'iam-missing-permission',
    );

const RULES_DOC =
  'https://github.com/serverless-workbench/serverless-workbench/blob/main/docs/rules.md#iam-missing-permission';

describe('permissions in VS Code', () => {
  const template = () => workspaceUri(FOLDER, 'template.yaml');
  const handler = () => workspaceUri(FOLDER, 'src', 'index.js');

  before(async () => {
    await workbench();
    await vscode.workspace.fs.writeFile(handler(), new TextEncoder().encode(PUT_ITEM_HANDLER));
    await vscode.workspace.fs.writeFile(template(), new TextEncoder().encode(putItemTemplate()));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true, useTrash: false });
  });

  it('reports a PutItem without a policy on the call and on the function, each pointing at the other', async () => {
    const onFunction = await eventually('the finding on the function', () => missing(template())[0], 20000);
    const onCall = await eventually('the finding on the call', () => missing(handler())[0], 5000);
    const templateDoc = await vscode.workspace.openTextDocument(template());
    const handlerDoc = await vscode.workspace.openTextDocument(handler());
    assert.equal(templateDoc.getText(onFunction.range), 'OrdersFunction');
    assert.equal(handlerDoc.getText(onCall.range), 'PutCommand');
    assert.equal(onFunction.severity, vscode.DiagnosticSeverity.Error);
    assert.match(onFunction.message, /does not allow dynamodb:PutItem/);
    assert.equal(onFunction.relatedInformation?.[0].location.uri.toString(), handler().toString());
    assert.deepEqual(onFunction.relatedInformation?.[0].location.range, onCall.range);
    assert.equal(onCall.relatedInformation?.[0].location.uri.toString(), template().toString());
    assert.deepEqual(onCall.relatedInformation?.[0].location.range, onFunction.range);
    // Linked to its section of docs/rules.md like every other rule.
    for (const d of [onFunction, onCall])
      assert.equal((d.code as { target: vscode.Uri }).target.toString(true), RULES_DOC);
  });

  it('follows serverlessWorkbench.rules: a severity override changes both findings, off removes them', async () => {
    const settings = vscode.workspace.getConfiguration('serverlessWorkbench');
    try {
      await settings.update('rules', { 'iam-missing-permission': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await eventually(
        'both findings as warnings',
        () =>
          [...missing(template()), ...missing(handler())].length === 2 &&
          [...missing(template()), ...missing(handler())].every(
            (d) => d.severity === vscode.DiagnosticSeverity.Warning,
          ),
        10000,
      );
      await settings.update('rules', { 'iam-missing-permission': 'off' }, vscode.ConfigurationTarget.Workspace);
      await eventually(
        'both findings to go away',
        () => missing(template()).length === 0 && missing(handler()).length === 0,
        10000,
      );
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually(
      'both findings back as errors',
      () =>
        missing(template())[0]?.severity === vscode.DiagnosticSeverity.Error &&
        missing(handler())[0]?.severity === vscode.DiagnosticSeverity.Error,
      10000,
    );
  });

  it('offers the fixes on the call in the handler source too, editing the template', async () => {
    const [onCall] = missing(handler());
    await vscode.workspace.openTextDocument(handler());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      handler(),
      onCall.range,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.includes('Add the SAM policy template DynamoDBWritePolicy (TableName: !Ref OrdersTable)'),
      titles.join('; '),
    );
    assert.ok(titles.includes("Ignore iam-missing-permission for 'OrdersFunction'"), titles.join('; '));
    const fix = actions.find((a) => a.title.startsWith('Add the SAM policy template'))!;
    assert.deepEqual(
      fix.edit?.entries().map(([uri]) => uri.toString()),
      [template().toString()],
    );
  });

  it('shows a Permissions node under the function with the call marked missing', async () => {
    const api = await workbench();
    const node = await eventually('the Permissions node', () => findItem(api, template(), 'Permissions'), 5000);
    assert.equal(api.explorer.getTreeItem(node).description, '1 missing');
    const call = await findItem(api, template(), 'dynamodb:PutItem');
    assert.ok(call);
    assert.match(
      String(api.explorer.getTreeItem(call).description),
      /^missing on arn:aws:dynamodb:.*table\/OrdersTable$/,
    );
  });

  it('adds the SAM policy template with the quick fix, and both findings go away', async () => {
    const [diagnostic] = missing(template());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      template(),
      diagnostic.range,
    );
    const fix = actions.find((a) => a.title.startsWith('Add the SAM policy template'));
    assert.ok(fix?.edit, `a policy template fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(fix.title, 'Add the SAM policy template DynamoDBWritePolicy (TableName: !Ref OrdersTable)');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = (await vscode.workspace.openTextDocument(template())).getText();
    assert.match(text, /      Policies:\n        - DynamoDBWritePolicy:\n            TableName: !Ref OrdersTable\n/);
    await eventually(
      'both findings to go away',
      () => missing(template()).length === 0 && missing(handler()).length === 0,
      10000,
    );
  });
});
