import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { NewProjectAnswers } from '../../src/vscode/new-project';
import { eventually, findItem, workbench, workspaceUri } from './workbench';

const PARENT = 'new-project-it';
const SOURCE = 'serverless-workbench';

/** Our findings on a file that are warnings or errors (infos are advice). */
const problems = (uri: vscode.Uri): string[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && d.severity <= vscode.DiagnosticSeverity.Warning)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

/** Waits until the diagnostics have analysed this template, which is when Problems can be read for it. */
async function analysed(uri: vscode.Uri): Promise<void> {
  await eventually(
    `an analysis of ${uri.path}`,
    async () =>
      (
        await vscode.commands.executeCommand<{ uri: string } | undefined>(
          'serverlessWorkbench.diagnostics.lastAnalysis',
        )
      )?.uri === uri.toString(),
    30_000,
  );
}

describe('New Project in VS Code', function () {
  this.timeout(120_000);
  before(() => workbench());
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(PARENT), { recursive: true, useTrash: false });
  });

  it('writes the chosen starter, opens its template and handler, lints clean and invokes its function', async () => {
    const api = await workbench();
    const answers: NewProjectAnswers = {
      framework: 'sam',
      language: 'node',
      starter: 'sqs-worker',
      parent: workspaceUri(PARENT),
      name: 'orders-worker',
    };
    const created = await vscode.commands.executeCommand<vscode.Uri>('serverlessWorkbench.newProject', answers);
    assert.equal(created?.toString(), workspaceUri(PARENT, 'orders-worker').toString());
    const template = workspaceUri(PARENT, 'orders-worker', 'template.yaml');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), template.toString());
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input as { uri?: vscode.Uri }).uri);
    assert.ok(
      tabs.some((uri) => uri?.path.endsWith('/orders-worker/src/worker.js')),
      'the handler is open too',
    );
    for (const file of ['samconfig.toml', 'README.md', '.gitignore', 'events/messages.json', 'test/worker.test.js'])
      await vscode.workspace.fs.stat(workspaceUri(PARENT, 'orders-worker', ...file.split('/')));

    await eventually('WorkerFunction in the tree', () => findItem(api, template, 'WorkerFunction'), 20_000);
    await analysed(template);
    assert.deepEqual(problems(template), []);

    const outcome = await vscode.commands.executeCommand<{ result: { payload: string; logs: string } } | undefined>(
      'serverlessWorkbench.invokeFunction',
      {
        templateUri: template,
        logicalId: 'WorkerFunction',
        eventFile: workspaceUri(PARENT, 'orders-worker', 'events', 'messages.json').fsPath,
      },
    );
    assert.ok(outcome, 'the function ran');
    assert.deepEqual(JSON.parse(outcome.result.payload), {
      batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }],
    });
  });

  it('refuses a folder that is not empty and writes nothing', async () => {
    const taken = workspaceUri(PARENT, 'taken');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(taken, 'notes.txt'), new TextEncoder().encode('mine'));
    const answers: NewProjectAnswers = {
      framework: 'serverless',
      language: 'python',
      starter: 'scheduled',
      parent: workspaceUri(PARENT),
      name: 'taken',
    };
    assert.equal(await vscode.commands.executeCommand('serverlessWorkbench.newProject', answers), undefined);
    assert.deepEqual(await vscode.workspace.fs.readDirectory(taken), [['notes.txt', vscode.FileType.File]]);
  });
});
