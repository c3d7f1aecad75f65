import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { workbench } from './workbench';

describe('debug a function locally in VS Code', function () {
  this.timeout(90000);
  // A TypeScript function outside the examples, so the example templates stay as they are.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-debug-'));
  const source = path.join(dir, 'src', 'app.ts');
  before(async () => {
    await workbench();
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'template.yaml'),
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  TypedFunction:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Runtime: nodejs22.x, CodeUri: src/, Handler: app.handler}',
      ].join('\n'),
    );
    fs.writeFileSync(
      source,
      [
        'interface Order { quantity: number }',
        '',
        'export const handler = async (order: Order): Promise<number> => {',
        '  const doubled = order.quantity * 2;',
        '  return doubled;',
        '};',
      ].join('\n'),
    );
  });
  after(async () => {
    await vscode.debug.stopDebugging();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops at a breakpoint in the TypeScript source, then returns the result', async () => {
    const line = 3; // `const doubled = ...`, 0-based
    vscode.debug.addBreakpoints([
      new vscode.SourceBreakpoint(new vscode.Location(vscode.Uri.file(source), new vscode.Position(line, 0))),
    ]);
    const stopped = new Promise<vscode.DebugStackFrame>((resolve) => {
      const sub = vscode.debug.onDidChangeActiveStackItem((item) => {
        if (item instanceof vscode.DebugStackFrame) {
          sub.dispose();
          resolve(item);
        }
      });
    });
    const sessions = debugSessionsStarted();
    const running = vscode.commands.executeCommand<{ payload: string } | undefined>(
      'serverlessWorkbench.debugFunction',
      {
        templateUri: vscode.Uri.file(path.join(dir, 'template.yaml')),
        logicalId: 'TypedFunction',
        event: '{"quantity": 21}',
      },
    );
    const frame = await stopped;
    const session = frame.session;
    const trace = await session.customRequest('stackTrace', { threadId: frame.threadId, startFrame: 0, levels: 1 });
    const top = trace.stackFrames[0];
    // Desktop VS Code reports a file path; a remote (server) host a vscode-remote: URI of the same file.
    const shown = String(top.source?.path);
    assert.equal(
      shown.includes('://') ? vscode.Uri.parse(shown).path : shown,
      source,
      'the debugger shows the .ts file, through the source map',
    );
    assert.equal(top.line, line + 1);
    await session.customRequest('continue', { threadId: frame.threadId });
    const result = await running;
    assert.equal(result?.payload, '42');
    // The invocation is over, so every session it started ends: js-debug's attach session, the child it starts for
    // the process and one for the runtime's watchdog thread. The guard only keeps a broken run from hanging the suite.
    await sessions.allEnded(SESSIONS_END_GUARD_MS);
  });
});

const SESSIONS_END_GUARD_MS = 30_000;

/**
 * The debug sessions that start from now on, and a promise that they have all ended. Both events are subscribed
 * before the command that starts the sessions runs, so no start or end is missed however fast or slow they come.
 * `activeDebugSession` is no proof of an end: the sessions end child first, VS Code moves the focus to the parent
 * as the child ends, and when the parent ends in turn the focus can stay on it (seen on a loaded machine).
 */
function debugSessionsStarted(): { allEnded(guardMs: number): Promise<void> } {
  const live = new Set<string>();
  let started = 0;
  const seen: string[] = [];
  let settle: (() => void) | undefined;
  const subscriptions = [
    vscode.debug.onDidStartDebugSession((s) => {
      live.add(s.id);
      started++;
      seen.push(`started '${s.name}'${s.parentSession ? ` (child of '${s.parentSession.name}')` : ''}`);
    }),
    vscode.debug.onDidTerminateDebugSession((s) => {
      live.delete(s.id);
      seen.push(`ended '${s.name}'`);
      if (started > 0 && live.size === 0) settle?.();
    }),
    vscode.debug.onDidChangeActiveDebugSession((s) => seen.push(`active '${s?.name}'`)),
  ];
  return {
    allEnded: (guardMs) =>
      new Promise<void>((resolve, reject) => {
        const fail = () => reject(new Error(`debug sessions still running after ${guardMs} ms: ${seen.join(', ')}`));
        const guard = setTimeout(fail, guardMs);
        settle = () => {
          clearTimeout(guard);
          for (const s of subscriptions) s.dispose();
          resolve();
        };
        if (started > 0 && live.size === 0) settle();
      }),
  };
}
