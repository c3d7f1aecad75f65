import { spawnSync } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import type { InvocationResult } from '../../core/invoke';
import { invokeCore } from './core';
import type { ResultView } from './result-view';
import type { InvokeRunner } from './runner';
import { functionFromArgs, workspaceDirOf } from './target';
import type { TemplateStore } from '../template-store';
import { requireTrust } from './trust';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * "Debug locally": one invocation in a fresh process started under the inspector (Node.js, breakpoints in
 * TypeScript through the compiled source maps) or debugpy (Python, when installed), with VS Code attached.
 * Stopping the debug session ends the invocation.
 */
export async function debugFunction(
  store: TemplateStore,
  runner: InvokeRunner,
  view: ResultView,
  arg: unknown,
): Promise<InvocationResult | undefined> {
  if (!requireTrust('Debugging functions locally')) return undefined;
  const ref = await functionFromArgs(store, arg);
  if (!ref) return undefined;
  const core = await invokeCore();
  const template = runner.templateOf(ref.templateUri);
  const fnView = template && core.findFunction(template, ref.logicalId);
  if (!template || !fnView) return undefined;
  const workspaceDir = workspaceDirOf(ref.templateUri);
  const target = core.localFunctionOf(template, fnView, { workspaceDir });
  if (!target.ok) return void vscode.window.showErrorMessage(target.message);
  const family = core.runtimeFamily(target.fn.runtime);
  if (family === 'provided' || family === undefined) {
    return void vscode.window.showErrorMessage(
      `Debugging ${target.fn.runtime} functions is not supported; Node.js and Python functions can be debugged.`,
    );
  }
  if (family === 'python') {
    const python = core.pythonCommand(target.fn.runtime);
    if (!python || spawnSync(python, ['-c', 'import debugpy'], { stdio: 'ignore' }).status !== 0) {
      return void vscode.window.showErrorMessage(
        `Debugging Python functions needs debugpy in ${python ?? 'python3'}: run "${python ?? 'python3'} -m pip ` +
          `install debugpy". Invoking without the debugger works without it.`,
      );
    }
  }
  const event = await runner.eventFor(core, template, ref);
  if (!event) return undefined;
  const log = view.begin(
    ref,
    'debug',
    [...target.notes, 'The timeout is off while debugging.'],
    core.settingLines(target.settings),
  );
  const invoker = await runner.localInvoker();
  const folder = vscode.workspace.getWorkspaceFolder(ref.templateUri);
  const debugOnce = async (): Promise<InvocationResult> => {
    const port = await freePort();
    const config = debugConfiguration(family, `Debug ${ref.logicalId}`, port, workspaceDir, target.fn.codeDir);
    return debugSession(folder, config, (onDebuggerReady, signal) =>
      invoker.debug(target.fn, event.text, { debugPort: port, onLog: log, signal, onDebuggerReady }),
    );
  };
  // A handler that imports an SDK package its runtime provides is debugged again, in a new session, once fetched.
  const { result, sdkMessage } = await core.invokeWithRuntimeSdk(target.fn, debugOnce, runner.sdkConsent.options());
  if (sdkMessage) runner.showSdkMessage(sdkMessage);
  await view.show(core, ref, result, 'debug', {}, target.settings);
  return result;
}

function debugConfiguration(
  family: 'nodejs' | 'python',
  name: string,
  port: number,
  workspaceDir: string,
  codeDir: string,
): vscode.DebugConfiguration {
  return family === 'nodejs'
    ? {
        type: 'node',
        request: 'attach',
        name,
        address: '127.0.0.1',
        port,
        continueOnAttach: true,
        sourceMaps: true,
        outFiles: [
          path.join(workspaceDir, '.serverless-workbench', 'build', '**', '*.cjs'),
          path.join(codeDir, '**', '*.{js,mjs,cjs}'),
          '!**/node_modules/**',
        ],
        skipFiles: ['<node_internals>/**', '**/clients/node-runtime.cjs'],
      }
    : { type: 'debugpy', request: 'attach', name, connect: { host: '127.0.0.1', port }, justMyCode: true };
}

/**
 * Runs one debugged invocation with VS Code attached once the process listens; stopping the session aborts it, and
 * its end ends the session.
 */
async function debugSession(
  folder: vscode.WorkspaceFolder | undefined,
  config: vscode.DebugConfiguration,
  run: (onDebuggerReady: () => void, signal: AbortSignal) => Promise<InvocationResult>,
): Promise<InvocationResult> {
  const controller = new AbortController();
  const ended = vscode.debug.onDidTerminateDebugSession((s) => {
    if (s.name === config.name) controller.abort();
  });
  let session: vscode.DebugSession | undefined;
  const started = vscode.debug.onDidStartDebugSession((s) => {
    if (s.name === config.name) session ??= s;
  });
  try {
    return await run(() => {
      void vscode.debug.startDebugging(folder, config).then((started) => {
        if (!started) controller.abort();
      });
    }, controller.signal);
  } finally {
    ended.dispose();
    started.dispose();
    // The process is gone once the invocation is over; end the attached session rather than wait for the
    // debugger to notice the closed socket (which can take long, or never happen, on a loaded machine).
    if (session) void vscode.debug.stopDebugging(session);
  }
}
