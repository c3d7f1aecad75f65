import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { workbench, workspaceUri } from './workbench';

const SOURCE = 'serverless-workbench';
const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Hello:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: nodejs22.x',
  '      Handler: index.handler',
  '      CodeUri: src/',
  '',
].join('\n');

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function unknownProperties(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && codeOf(d) === 'schema-unknown-property');
}

/** Resolves on the first diagnostics change of `uri` after which `check` holds: no polling, no sleeping. */
function diagnosticsWhere<T>(
  uri: vscode.Uri,
  check: () => T | undefined,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

describe('schema validation in VS Code', () => {
  const folder = () => workspaceUri('.swb-test-schema');
  const file = vscode.Uri.joinPath(workspaceUri('.swb-test-schema'), 'template.yaml');

  before(async () => {
    await workbench();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it('flags MemorySzie as it is typed, at the key, and renames it with the quick fix', async () => {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(TEMPLATE));
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    assert.deepEqual(unknownProperties(document.uri), []);

    // Typed at the end of the Properties map, as a user would: a new line under CodeUri.
    const end = document.lineAt(7).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n      MemorySzie: 512')));
    const diagnostic = await diagnosticsWhere(
      document.uri,
      () => unknownProperties(document.uri)[0],
      'schema-unknown-property on MemorySzie',
    );
    assert.deepEqual(
      [
        diagnostic.range.start.line,
        diagnostic.range.start.character,
        diagnostic.range.end.line,
        diagnostic.range.end.character,
      ],
      [8, 6, 8, 16],
    );
    assert.equal(document.getText(diagnostic.range), 'MemorySzie');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /Did you mean 'MemorySize'\?/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const rename = actions.find((a) => a.title === "Rename 'MemorySzie' to 'MemorySize'");
    assert.ok(rename?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.equal(document.getText(), TEMPLATE.replace('CodeUri: src/\n', 'CodeUri: src/\n      MemorySize: 512\n'));
    await diagnosticsWhere(
      document.uri,
      () => (unknownProperties(document.uri).length === 0 ? true : undefined),
      'the diagnostic to go away',
    );
  });
});
