import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, workbench } from './workbench';

describe('debug a function locally in VS Code', function () {
  this.timeout(90000);
  // A TypeScript function outside the examples, so the example templates stay as they are.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-debug-'));
  const source = path.join(dir, 'src', 'app.ts');
  before(async () => {
    await workbench();
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.writeFileSync(path.join(dir, 'template.yaml'), [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  TypedFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: nodejs22.x, CodeUri: src/, Handler: app.handler}',
    ].join('\n'));
    fs.writeFileSync(source, [
      'interface Order { quantity: number }',
      '',
      'export const handler = async (order: Order): Promise<number> => {',
      '  const doubled = order.quantity * 2;',
      '  return doubled;',
      '};',
    ].join('\n'));
  });
  after(async () => {
    await vscode.debug.stopDebugging();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops at a breakpoint in the TypeScript source, then returns the result', async () => {
    const line = 3; // `const doubled = ...`, 0-based
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(vscode.Uri.file(source), new vscode.Position(line, 0)))]);
    const stopped = new Promise<vscode.DebugStackFrame>((resolve) => {
      const sub = vscode.debug.onDidChangeActiveStackItem((item) => {
        if (item instanceof vscode.DebugStackFrame) {
          sub.dispose();
          resolve(item);
        }
      });
    });
    const running = vscode.commands.executeCommand<{ payload: string } | undefined>('serverlessWorkbench.debugFunction', {
      templateUri: vscode.Uri.file(path.join(dir, 'template.yaml')), logicalId: 'TypedFunction', event: '{"quantity": 21}',
    });
    const frame = await stopped;
    const session = frame.session;
    const trace = await session.customRequest('stackTrace', { threadId: frame.threadId, startFrame: 0, levels: 1 });
    const top = trace.stackFrames[0];
    // Desktop VS Code reports a file path; a remote (server) host a vscode-remote: URI of the same file.
    const shown = String(top.source?.path);
    assert.equal(shown.includes('://') ? vscode.Uri.parse(shown).path : shown, source, 'the debugger shows the .ts file, through the source map');
    assert.equal(top.line, line + 1);
    await session.customRequest('continue', { threadId: frame.threadId });
    const result = await running;
    assert.equal(result?.payload, '42');
    // The environment is disposed after the invocation, which ends the session (slowly on a loaded machine).
    await eventually('the debug session to end', () => vscode.debug.activeDebugSession === undefined, 30000);
  });
});
