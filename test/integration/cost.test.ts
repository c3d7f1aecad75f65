import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { BreakdownView } from '../../src/core/cost';
import { screenshot } from './report';
import { closeWithoutSaving, eventually, findItem, workbench, workspaceUri } from './workbench';

/**
 * Hand-computed for the example with no usage file (defaults: 1M requests × 100 ms, 1 KB of logs per
 * invocation), before the free tier, which the stack total credits. CreateOrderFunction is 512 MB arm64 from Globals:
 * 50,000 GB-s × $0.0000133334 = $0.66667; 1M requests × $0.0000002 = $0.20; logs 0.9537 GB × ($0.50 + $0.03) =
 * $0.50545. Total $1.37212.
 */
const LENS_512 = '≈ $1.37/mo · 1M req × 100 ms @ 512 MB arm64';
/** At 3008 MB: 293,750 GB-s × $0.0000133334 = $3.91669, + $0.20 + $0.50545 = $4.62213. */
const LENS_3008 = '≈ $4.62/mo · 1M req × 100 ms @ 3008 MB arm64';

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

function lensAbove(lenses: vscode.CodeLens[], document: vscode.TextDocument, lineText: string): string[] {
  const line = document
    .getText()
    .split('\n')
    .findIndex((l) => l === lineText);
  assert.ok(line >= 0, `${lineText} is in the document`);
  // Other features (invoke) put their own lenses on the same line; only the cost ones count here.
  return lenses
    .filter((l) => l.range.start.line === line && l.command?.command === 'serverlessWorkbench.cost.showBreakdown')
    .map((l) => l.command!.title);
}

/** Puts the text back as it was and leaves the document clean, whatever the editor focus or auto save did. */
async function restore(document: vscode.TextDocument, original: string): Promise<void> {
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
      original,
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  if (document.isDirty) await document.save();
}

describe('cost estimates in VS Code', () => {
  const template = () => workspaceUri('sam-app', 'template.yaml');

  it("shows the function's monthly cost above it and the stack total above Resources", async () => {
    await workbench();
    const document = await vscode.workspace.openTextDocument(template());
    await vscode.window.showTextDocument(document);
    const lenses = await eventually('cost CodeLenses', async () => {
      const all = await lensesOf(document.uri);
      return all.some((l) => l.command?.title.startsWith('≈')) && all;
    });
    assert.deepEqual(lensAbove(lenses, document, '  CreateOrderFunction:'), [LENS_512]);
    const [total] = lensAbove(lenses, document, 'Resources:');
    assert.match(
      total,
      /^≈ \$\d+\.\d{2}\/mo for this stack · \d+ priced resources · us-east-1 · free tier −\$\d+\.\d{2}$/,
    );
    const lens = lenses.find((l) => l.command?.title === LENS_512)!;
    assert.equal(lens.command!.command, 'serverlessWorkbench.cost.showBreakdown');
    await screenshot('cost-codelens');
  });

  it('updates the CodeLens as MemorySize is typed, before saving', async () => {
    const document = await vscode.workspace.openTextDocument(template());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const runtimeLine = document
      .getText()
      .split('\n')
      .findIndex((l, i, all) => l === '      Runtime: nodejs22.x' && all[i + 2] === '      Handler: create.handler');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(runtimeLine + 1, 0), '      MemorySize: 3008\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await eventually(
        'the CodeLens at 3008 MB',
        async () => lensAbove(await lensesOf(document.uri), document, '  CreateOrderFunction:')[0] === LENS_3008,
      );
      // Typing another value changes it again.
      const value = document.getText().indexOf('MemorySize: 3008') + 'MemorySize: '.length;
      const retype = new vscode.WorkspaceEdit();
      retype.replace(document.uri, new vscode.Range(document.positionAt(value), document.positionAt(value + 4)), '512');
      assert.ok(await vscode.workspace.applyEdit(retype));
      await eventually(
        'the CodeLens back at 512 MB',
        async () => lensAbove(await lensesOf(document.uri), document, '  CreateOrderFunction:')[0] === LENS_512,
      );
    } finally {
      await restore(document, original);
    }
  });

  it('opens the breakdown with every line item and formula, and the free tier credited on the total', async () => {
    const view = await vscode.commands.executeCommand<BreakdownView>(
      'serverlessWorkbench.cost.showBreakdown',
      template(),
      'CreateOrderFunction',
    );
    assert.ok(view, 'the command returns what it shows');
    const fn = view.resources.find((r) => r.logicalId === 'CreateOrderFunction')!;
    assert.equal(fn.costText, '$1.37');
    const requests = fn.lineItems.find((li) => li.name === 'Requests')!;
    assert.equal(requests.quantity, '1,000,000 requests');
    assert.equal(requests.formula, '1,000,000 requests × $0.0000002 = $0.2000');
    assert.deepEqual(
      fn.usage.find((u) => u.key === 'monthlyRequests'),
      { key: 'monthlyRequests', value: '1,000,000', source: 'default', defaulted: true },
    );
    assert.equal(fn.defaults, 'Priced with default usage: monthlyRequests, averageDurationMs, logKbPerInvocation');
    // Three functions: 50,000 + 50,000 + 100,000 GB-s, all free ($2.66668); 3M requests, 1M free ($0.20).
    assert.ok(
      view.freeTier!.lines.includes('Lambda compute: 200,000 of 200,000 GB-s free, −$2.67; $0.00 to pay'),
      view.freeTier!.lines.join('\n'),
    );
    assert.equal(view.freeTier!.scope, 'The free tier is per account, shared with everything else in it.');
    assert.equal(view.totals.at(-1)!.label, 'Free tier credit (per account)');
  });

  it("shows each resource's cost in the explorer and the total on the template", async () => {
    const api = await workbench();
    const fn = await eventually('CreateOrderFunction in the tree', () =>
      findItem(api, template(), 'CreateOrderFunction'),
    );
    assert.match(String(api.explorer.getTreeItem(fn).description), / · ≈ \$1\.37\/mo$/);
    const root = (await api.explorer.getChildren()).find((r) => r.uri.toString() === template().toString())!;
    assert.match(String(api.explorer.getTreeItem(root).description), /SAM · \d+ resources · ≈ \$\d+\.\d{2}\/mo$/);
  });

  it('shows the active template total in the status bar', async () => {
    const api = await workbench();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template()));
    await eventually('the status bar total', () => /^\$\(graph\) ≈ \$\d+\.\d{2}\/mo$/.test(api.costStatus.text));
  });

  it('hovers MemorySize in Globals with neighbouring sizes for the functions that inherit it', async () => {
    const document = await vscode.workspace.openTextDocument(template());
    assert.ok(!document.isDirty, 'the template is as on disk');
    const at = document.positionAt(document.getText().indexOf('MemorySize: 512') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      at,
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
      .join('\n');
    assert.match(text, /Monthly cost of the 2 functions that inherit this setting/);
    // Both functions before the free tier: $1.37212 each (see LENS_512), $2.74. At 1024 MB: 2 × 100,000 GB-s ×
    // $0.0000133334 = $2.66668 + 2 × $0.70545 = $4.07757; at 128 MB: 2 × 12,500 GB-s = $0.33334 + $1.41089 = $1.74423.
    assert.match(text, /\| \*\*512 MB\*\* \(now\) \| \$2\.74 \| — \|/);
    assert.match(text, /\| 1024 MB \| \$4\.08 \| \+\$1\.33 \|/);
    assert.match(text, /\| 128 MB \| \$1\.74 \| −\$1\.00 \|/);
  });

  // Templates of their own, in files with names no other document has had: an untitled document's name is reused
  // at once, and a quick fix asked for right after could be computed on the previous document's text.
  const scratch = () => workspaceUri('arm64-fixes');
  const scratchDocument = async (name: string, content: string): Promise<vscode.TextDocument> => {
    const uri = vscode.Uri.joinPath(scratch(), name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    return vscode.workspace.openTextDocument(uri);
  };
  after(async () => {
    await vscode.workspace.fs.delete(scratch(), { recursive: true }).then(undefined, () => undefined);
  });

  it('offers "Switch to arm64 (−20% compute)" on an x86_64 function and applies it', async () => {
    const doc = await scratchDocument(
      'python.yaml',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.12',
        '      Handler: app.handler',
        '',
      ].join('\n'),
    );
    await vscode.window.showTextDocument(doc);
    const actions = await eventually('the arm64 quick fix', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        new vscode.Range(5, 8, 5, 8),
      );
      return found?.some((a) => a.title === 'Switch to arm64 (−20% compute)') && found;
    });
    const fix = actions.find((a) => a.title === 'Switch to arm64 (−20% compute)')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.getText(), /^ {4}Properties:\n {6}Architectures:\n {8}- arm64\n {6}Runtime: python3\.12$/m);
    await closeWithoutSaving(doc);
  });

  it('switches to arm64 where the setting is written: in Globals for every function, or added to JSON', async () => {
    const quickFix = async (doc: vscode.TextDocument, at: vscode.Position): Promise<vscode.CodeAction> =>
      eventually('an arm64 quick fix', async () =>
        (
          await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            doc.uri,
            new vscode.Range(at, at),
          )
        )?.find((a) => a.title.startsWith('Switch to arm64')),
      );
    const yamlDoc = await scratchDocument(
      'globals.yaml',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Architectures: [x86_64]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '',
      ].join('\n'),
    );
    const inGlobals = await quickFix(yamlDoc, new vscode.Position(8, 8));
    assert.equal(inGlobals.title, 'Switch to arm64 (−20% compute) in Globals, for every function');
    assert.ok(await vscode.workspace.applyEdit(inGlobals.edit!));
    assert.match(yamlDoc.getText(), /^ {4}Architectures: \[arm64\]$/m);
    const jsonDoc = await scratchDocument(
      'function.json',
      JSON.stringify(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Resources: {
            Fn: {
              Type: 'AWS::Lambda::Function',
              Properties: {
                Runtime: 'python3.12',
                Handler: 'app.handler',
                Role: 'arn:aws:iam::123456789012:role/r',
                Code: { ZipFile: 'x' },
              },
            },
          },
        },
        null,
        2,
      ),
    );
    const added = await quickFix(jsonDoc, jsonDoc.positionAt(jsonDoc.getText().indexOf('"Runtime"')));
    assert.ok(await vscode.workspace.applyEdit(added.edit!));
    assert.deepEqual(JSON.parse(jsonDoc.getText()).Resources.Fn.Properties.Architectures, ['arm64']);
    for (const doc of [yamlDoc, jsonDoc]) await closeWithoutSaving(doc);
  });

  it('creates a pre-filled usage file and follows its unsaved edits', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>(
      'serverlessWorkbench.cost.createUsageFile',
      template(),
    );
    assert.ok(created, 'the command returns the file it wrote');
    try {
      assert.match(created.path, /\/\.serverless-workbench\/usage\.yml$/);
      const usage = await vscode.workspace.openTextDocument(created);
      assert.match(
        usage.getText(),
        /^ {2}CreateOrderFunction: +# AWS::Serverless::Function\n {4}monthlyRequests: 1000000 /m,
      );
      const document = await vscode.workspace.openTextDocument(template());
      await eventually(
        'the CodeLens with the generated usage file',
        async () => lensAbove(await lensesOf(document.uri), document, '  CreateOrderFunction:')[0] === LENS_512,
      );
      // 3M × 1 s at 512 MB arm64, before the free tier: 1,500,000 GB-s × $0.0000133334 = $20.0001; requests
      // 3M × $0.0000002 = $0.60; logs 2.861 GB × $0.53 = $1.5163. Total $22.12.
      const fnLine = usage
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('  CreateOrderFunction:'));
      const edit = new vscode.WorkspaceEdit();
      for (const [offset, value] of [
        [1, '    monthlyRequests: 3000000'],
        [2, '    averageDurationMs: 1000'],
      ] as const) {
        const line = usage.lineAt(fnLine + offset);
        assert.ok(
          line.text.startsWith(value.split(':')[0] + ':'),
          `line ${line.lineNumber + 1} is ${value.split(':')[0].trim()}`,
        );
        edit.replace(
          usage.uri,
          new vscode.Range(
            line.range.start,
            line.range.start.translate(0, line.text.indexOf('#') > 0 ? line.text.indexOf('#') : line.text.length),
          ),
          value.padEnd(32),
        );
      }
      assert.ok(await vscode.workspace.applyEdit(edit));
      await eventually(
        'the CodeLens after editing the usage file',
        async () =>
          lensAbove(await lensesOf(document.uri), document, '  CreateOrderFunction:')[0] ===
          '≈ $22.12/mo · 3M req × 1000 ms @ 512 MB arm64',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(created, '..'), { recursive: true });
    }
    const document = await vscode.workspace.openTextDocument(template());
    await eventually(
      'the CodeLens back on defaults',
      async () => lensAbove(await lensesOf(document.uri), document, '  CreateOrderFunction:')[0] === LENS_512,
    );
  });
});
