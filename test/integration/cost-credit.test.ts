import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { screenshot } from './report';
import { eventually, findItem, workbench, workspaceUri } from './workbench';

const COST_COMMAND = 'serverlessWorkbench.cost.showBreakdown';

/** The cost CodeLens titles of a document, keyed by the text of the line they sit on. */
async function costLenses(document: vscode.TextDocument): Promise<Map<string, string>> {
  const lenses =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ??
    [];
  return new Map(
    lenses
      .filter((l) => l.command?.command === COST_COMMAND)
      .map((l) => [document.lineAt(l.range.start.line).text, l.command!.title]),
  );
}

/**
 * The free tier belongs to the account: each function's CodeLens is its own cost before it, so one function's memory
 * does not move another's figure; only the stack total, which takes the credit, moves.
 */
describe('cost: free tier as an account credit in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');

  it("keeps two functions' CodeLens figures when only the third one's memory changes", async () => {
    await workbench();
    const document = await vscode.workspace.openTextDocument(template());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    // Defaults (1M requests × 100 ms, 1 KB of logs each), before the free tier. 512 MB arm64: 50,000 GB-s ×
    // $0.0000133334 = $0.66667 + 1M requests $0.20 + logs 0.9537 GB × $0.53 = $0.50545: $1.37212.
    const create = '≈ $1.37/mo · 1M req × 100 ms @ 512 MB arm64';
    // ReportFunction at 1024 MB: 100,000 GB-s = $1.33334 + $0.70545 = $2.03879; at 3008 MB: 293,750 GB-s =
    // $3.91669 + $0.70545 = $4.62213.
    const before = await eventually('the cost CodeLenses', async () => {
      const lenses = await costLenses(document);
      return lenses.get('  ReportFunction:') === '≈ $2.04/mo · 1M req × 100 ms @ 1024 MB arm64' && lenses;
    });
    assert.equal(before.get('  CreateOrderFunction:'), create);
    assert.equal(before.get('  ProcessOrderFunction:'), create);
    const totalBefore = before.get('Resources:')!;
    // 200,000 GB-s, all inside the 400,000 free ($2.66668), and 1M of the 3M requests ($0.20) are credited, with
    // the other resources' free tiers.
    assert.match(totalBefore, / · free tier −\$\d+\.\d{2}$/);

    const memory = original.indexOf('MemorySize: 1024') + 'MemorySize: '.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(memory), document.positionAt(memory + 4)), '3008');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const after = await eventually('the CodeLens of ReportFunction at 3008 MB', async () => {
        const lenses = await costLenses(document);
        return lenses.get('  ReportFunction:') === '≈ $4.62/mo · 1M req × 100 ms @ 3008 MB arm64' && lenses;
      });
      assert.equal(after.get('  CreateOrderFunction:'), create, 'CreateOrderFunction did not move');
      assert.equal(after.get('  ProcessOrderFunction:'), create, 'ProcessOrderFunction did not move');
      // 393,750 GB-s are still inside the free 400,000: the stack total moves by the credit, not by $2.58.
      assert.notEqual(after.get('Resources:'), totalBefore);
      await screenshot('cost-credit-codelens');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(
        document.uri,
        new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
        original,
      );
      await vscode.workspace.applyEdit(undo);
      if (document.isDirty) await document.save();
    }
  });

  it('shows a resource it cannot price, and why, in the CodeLens and the explorer', async () => {
    const api = await workbench();
    const uri = workspaceUri('sam-app', 'not-priced.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        [
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  Db:',
          '    Type: AWS::RDS::DBInstance',
          '    Properties:',
          '      Engine: postgres',
          '  Big:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Runtime: nodejs22.x',
          '      Handler: index.handler',
          '      MemorySize: 20000',
          '',
        ].join('\n'),
      ),
    );
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const lenses = await eventually('the not-priced CodeLenses', async () => {
        const all = await costLenses(document);
        return all.has('  Db:') && all;
      });
      assert.equal(lenses.get('  Db:'), 'not priced · Serverless Workbench has no prices for AWS::RDS::DBInstance yet');
      assert.equal(
        lenses.get('  Big:'),
        "not priced · MemorySize 20000 MB is outside Lambda's 128–10,240 MB, so the function cannot deploy",
      );
      const db = await eventually('Db in the tree', () => findItem(api, uri, 'Db'));
      assert.match(
        String(api.explorer.getTreeItem(db).description),
        /not priced: Serverless Workbench has no prices for AWS::RDS::DBInstance yet/,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
