import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { eventually, workbench, workspaceUri } from './workbench';

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  Mem:',
  '    Type: Number',
  '    Default: 1024',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: nodejs22.x',
  '      Handler: index.handler',
  '      MemorySize: !Ref Mem',
  '',
].join('\n');

/**
 * The figures: 1M invocations of 1 s with 1 KB of logs each, free tier off (the usage file beside the
 * template).
 */
const USAGE =
  'version: 1\nfreeTier: false\nresources:\n  Fn:\n    monthlyRequests: 1000000\n    averageDurationMs: 1000\n   ' +
  ' logKbPerInvocation: 1\n';
/**
 * 1,000,000 GB-s × $0.0000166667 = $16.6667, requests 1M × $0.0000002 = $0.20, logs 0.953674 GB × ($0.50 +
 * $0.03) = $0.505447: $17.372147. Lambda's default 128 MB, which the parameter used to be priced at, gives $2.79.
 */
const LENS_1024 = '≈ $17.37/mo · 1M req × 1000 ms @ 1024 MB';
/** 2,000,000 GB-s × $0.0000166667 = $33.3334, + $0.20 + $0.505447 = $34.038847. */
const LENS_2048 = '≈ $34.04/mo · 1M req × 1000 ms @ 2048 MB';

async function costLensOf(document: vscode.TextDocument): Promise<vscode.Command | undefined> {
  const lenses =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ??
    [];
  const line = document.getText().split('\n').indexOf('  Fn:');
  return lenses.find(
    (l) => l.range.start.line === line && l.command?.command === 'serverlessWorkbench.cost.showBreakdown',
  )?.command;
}

describe('cost follows resolved parameters', () => {
  // A folder of its own in the test workspace, with the usage file the editor looks for beside the template.
  const folder = () => workspaceUri('cost-provenance');
  const template = () => vscode.Uri.joinPath(folder(), 'template.yaml');

  before(async () => {
    await workbench();
    await vscode.workspace.fs.writeFile(template(), Buffer.from(TEMPLATE));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder(), '.serverless-workbench', 'usage.yml'),
      Buffer.from(USAGE),
    );
  });

  after(async () => {
    // Drop the unsaved edit without a save prompt, then the files.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template()));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it(
    "prices `MemorySize: !Ref Mem` at the parameter's Default, says where the figure came from, and follows an " +
      'unsaved edit of the Default',
    async () => {
      const document = await vscode.workspace.openTextDocument(template());
      await vscode.window.showTextDocument(document);
      const lens = await eventually('the cost CodeLens at 1024 MB', async () => {
        const command = await costLensOf(document);
        return command?.title === LENS_1024 && command;
      });
      assert.equal(lens.tooltip?.split('\n')[0], 'MemorySize: 1024 MB — Default of parameter Mem');
      const memory = document.positionAt(document.getText().indexOf('MemorySize: !Ref Mem') + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        memory,
      );
      const hoverText = hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
        .join('\n');
      assert.match(hoverText, /Priced with MemorySize: 1024 MB — Default of parameter Mem/);
      // Neighbouring sizes from the priced 1024 MB: at 512 MB the function costs $9.04 (500,000 GB-s × $0.0000166667 +
      // $0.705447).
      assert.match(hoverText, /\| \*\*1024 MB\*\* \(now\) \| \$17\.37 \| — \|/);
      assert.match(hoverText, /\| 512 MB \| \$9\.04 \| −\$8\.33 \|/);

      const defaultAt = document.getText().indexOf('Default: 1024') + 'Default: '.length;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(defaultAt), document.positionAt(defaultAt + 4)),
        '2048',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(document.isDirty, 'the edit is not saved');
      const followed = await eventually('the cost CodeLens at 2048 MB', async () => {
        const command = await costLensOf(document);
        return command?.title === LENS_2048 && command;
      });
      assert.equal(followed.tooltip?.split('\n')[0], 'MemorySize: 2048 MB — Default of parameter Mem');
    },
  );

  it(
    'takes a parameter value from the serverlessWorkbench.parameters ' + 'setting over the Default, and says so',
    async () => {
      const document = await vscode.workspace.openTextDocument(template());
      const settings = vscode.workspace.getConfiguration('serverlessWorkbench', document.uri);
      await settings.update('parameters', { Mem: 1024 }, vscode.ConfigurationTarget.Workspace);
      try {
        // Whatever the Default reads now (the previous test left it at 2048 unsaved), the setting decides.
        const lens = await eventually("the cost CodeLens at the setting's 1024 MB", async () => {
          const command = await costLensOf(document);
          return command?.title === LENS_1024 && command;
        });
        assert.equal(
          lens.tooltip?.split('\n')[0],
          'MemorySize: 1024 MB — parameter Mem from setting serverlessWorkbench.parameters',
        );
      } finally {
        await settings.update('parameters', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await eventually(
        'the CodeLens back on the Default',
        async () => (await costLensOf(document))?.title === LENS_2048,
      );
    },
  );
});
