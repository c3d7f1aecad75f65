import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { RULES_BY_ID } from '../../src/core/rules';
import { screenshot } from './report';
import { eventually, workbench, workspaceUri } from './workbench';

const SOURCE = 'serverless-workbench';
const BAD_TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Worker:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: provided.al2023023',
  '      Handler: bootstrap',
  '      MemorySize: 20000',
  '      InlineCode: x',
  '',
].join('\n');

/** Our rules' diagnostics (every rule is in the one registry, the IAM rules too). */
function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && RULES_BY_ID.has(codeOf(d)));
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function summary(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeOf(d)} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

describe('diagnostics in VS Code', () => {
  const folder = () => workspaceUri('.swb-test-diagnostics');
  const file = (name: string) => vscode.Uri.joinPath(folder(), name);

  async function openTemplate(name: string, text: string): Promise<vscode.TextDocument> {
    await vscode.workspace.fs.writeFile(file(name), new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(file(name));
    await vscode.window.showTextDocument(document);
    return document;
  }

  before(async () => {
    await workbench();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it('shows the rule ids at the exact ranges, linked to their docs', async () => {
    const document = await openTemplate('template.yaml', BAD_TEMPLATE);
    const diagnostics = await eventually('two diagnostics', () =>
      ours(document.uri).length >= 2 ? ours(document.uri) : undefined,
    );
    assert.deepEqual(diagnostics.map(summary).sort(), ['lambda-memory-range 8:19-8:24', 'runtime-unknown 6:16-6:34']);
    const runtime = diagnostics.find((d) => codeOf(d) === 'runtime-unknown')!;
    assert.equal(runtime.severity, vscode.DiagnosticSeverity.Error);
    assert.match(runtime.message, /Did you mean 'provided\.al2023'\?/);
    const target = (runtime.code as { target: vscode.Uri }).target;
    assert.equal(
      target.toString(true),
      'https://github.com/serverless-workbench/serverless-workbench/blob/main/docs/rules.md#runtime-unknown',
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('diagnostics-problems-panel');
  });

  it('applies a quick fix through the code action provider and the diagnostic goes away', async () => {
    const document = await openTemplate('fix/template.yaml', BAD_TEMPLATE);
    const diagnostic = await eventually('the runtime diagnostic', () =>
      ours(document.uri).find((d) => codeOf(d) === 'runtime-unknown'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Change runtime to provided.al2023');
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), BAD_TEMPLATE.replace('provided.al2023023', 'provided.al2023'));
    await eventually(
      'the runtime diagnostic gone',
      () => !ours(document.uri).some((d) => codeOf(d) === 'runtime-unknown'),
    );
    assert.deepEqual(ours(document.uri).map(summary), ['lambda-memory-range 8:19-8:24']);
  });

  it('clamps memory with its quick fix, touching only that value', async () => {
    const document = await openTemplate('clamp/template.yaml', BAD_TEMPLATE);
    const diagnostic = await eventually('the memory diagnostic', () =>
      ours(document.uri).find((d) => codeOf(d) === 'lambda-memory-range'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const fix = actions.find((a) => a.title === 'Set memory to 10240');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), BAD_TEMPLATE.replace('MemorySize: 20000', 'MemorySize: 10240'));
  });

  it('shows a diagnostic while typing and removes it when the text is fixed, before saving', async () => {
    const clean = BAD_TEMPLATE.replace('provided.al2023023', 'provided.al2023').replace(
      'MemorySize: 20000',
      'MemorySize: 512',
    );
    const document = await openTemplate('typing/template.yaml', clean);
    await eventually(
      'the template analysed',
      async () => (await workbench()).templates.get(document.uri) !== undefined,
    );
    assert.deepEqual(ours(document.uri), []);
    const memory = document.getText().indexOf('512');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(memory), document.positionAt(memory + 3)), '99999');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const appeared = await eventually('a memory diagnostic while typing', () =>
      ours(document.uri).find((d) => codeOf(d) === 'lambda-memory-range'),
    );
    assert.equal(summary(appeared), 'lambda-memory-range 8:19-8:24');
    const undo = new vscode.WorkspaceEdit();
    undo.replace(document.uri, new vscode.Range(document.positionAt(memory), document.positionAt(memory + 5)), '1024');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await eventually('the diagnostic gone', () => ours(document.uri).length === 0);
    assert.ok(document.isDirty, 'nothing was saved');
    const timing = await vscode.commands.executeCommand<{ analysisMs: number; uri: string }>(
      'serverlessWorkbench.diagnostics.lastAnalysis',
    );
    assert.equal(timing.uri, document.uri.toString());
    assert.ok(timing.analysisMs >= 0);
  });

  it('analyses while the debounce waits, and shows the Problems only when it ends', async function () {
    this.timeout(30_000);
    const analysis = vscode.workspace.getConfiguration('serverlessWorkbench.analysis');
    // The longest debounce the setting allows, so the run ahead has time to finish even on a loaded machine.
    await analysis.update('debounceMs', 2000, vscode.ConfigurationTarget.Global);
    try {
      const clean = BAD_TEMPLATE.replace('provided.al2023023', 'provided.al2023').replace(
        'MemorySize: 20000',
        'MemorySize: 512',
      );
      const document = await openTemplate('ahead/template.yaml', clean);
      const api = await workbench();
      await eventually('the template analysed', () => api.templates.get(document.uri) !== undefined);
      const finishedAhead = new Promise<void>((resolve) => {
        const subscription = api.diagnostics.analyzer.onDidFinishAhead((template) => {
          if (template.fileName === document.uri.fsPath && template.text.includes('MemorySize: 99999')) {
            subscription.dispose();
            resolve();
          }
        });
      });
      const memory = document.getText().indexOf('512');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(memory), document.positionAt(memory + 3)),
        '99999',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      await finishedAhead;
      assert.deepEqual(ours(document.uri).map(summary), [], 'nothing is shown before the debounce ends');
      const appeared = await eventually(
        'the memory diagnostic once the debounce ends',
        () => ours(document.uri).find((d) => codeOf(d) === 'lambda-memory-range'),
        10_000,
      );
      assert.equal(summary(appeared), 'lambda-memory-range 8:19-8:24');
      const timing = await vscode.commands.executeCommand<{ readyAhead: boolean; version: number }>(
        'serverlessWorkbench.diagnostics.lastAnalysis',
      );
      assert.equal(timing.version, document.version);
      assert.equal(timing.readyAhead, true, 'the Problems handed over are the analysis run ahead');
    } finally {
      await analysis.update('debounceMs', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('finds a missing handler off the typing path, and clears it when the file appears', async function () {
    // The new handler file reaches us through the server's file watcher, which a loaded machine can delay.
    this.timeout(60_000);
    const text = BAD_TEMPLATE.replace('provided.al2023023', 'nodejs22.x')
      .replace('bootstrap', 'app.handler')
      .replace('MemorySize: 20000', 'MemorySize: 512')
      .replace('InlineCode: x', 'CodeUri: src/');
    await vscode.workspace.fs.writeFile(file('handler/src/index.js'), new TextEncoder().encode('exports.other = 1;\n'));
    const document = await openTemplate('handler/template.yaml', text);
    const missing = await eventually(
      'lambda-handler-missing',
      () => ours(document.uri).find((d) => codeOf(d) === 'lambda-handler-missing'),
      10_000,
    );
    assert.equal(summary(missing), 'lambda-handler-missing 7:16-7:27');
    assert.match(missing.message, /needs one of app\.js, app\.mjs/);
    // Created as a person would in the editor (the Explorer's New File), which VS Code reports at once.
    const create = new vscode.WorkspaceEdit();
    create.createFile(file('handler/src/app.mjs'), {
      contents: new TextEncoder().encode('export const handler = async () => ({});\n'),
    });
    assert.ok(await vscode.workspace.applyEdit(create));
    await eventually(
      'the handler warning gone once the file exists',
      () => !ours(document.uri).some((d) => codeOf(d) === 'lambda-handler-missing'),
      45_000,
    );
  });

  it('reports templates on disk that are not open, and nothing on YAML that is no template', async function () {
    // The new file reaches us through the server's file watcher, which a loaded machine can delay for seconds.
    this.timeout(60_000);
    const onDisk = file('closed/template.yaml');
    await vscode.workspace.fs.writeFile(onDisk, new TextEncoder().encode(BAD_TEMPLATE));
    await eventually('diagnostics for a template that is not open', () => ours(onDisk).length === 2, 45_000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === onDisk.toString()));
    const workflow = await openTemplate(
      'workflow.yaml',
      'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n',
    );
    // The store decides at once, from the text, that this is no template; only templates are ever analysed.
    assert.equal((await workbench()).templates.get(workflow.uri), undefined, 'not taken for a template');
    assert.deepEqual(ours(workflow.uri), []);
  });
});
