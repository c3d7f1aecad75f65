import * as vscode from 'vscode';
import type { FrameworkCommand } from '../../core/deploy';
import type { Template } from '../../core/model/template';
import { rangeOf, SEVERITY } from '../diagnostics';
import type { DeployCore } from './core';

/**
 * `serverless deploy` as a VS Code task in the service's folder, its output in the task's terminal and stopped with
 * the task's stop button; or, when the framework is not installed, how to install it. The framework's errors name
 * no file, so no problem matcher can place them: the task runs the CLI itself (a pseudoterminal) and, when it ends,
 * puts what the output says on serverless.yml (`frameworkProblems`), replacing the previous run's problems.
 */
export async function runServerlessDeploy(
  core: DeployCore,
  problems: vscode.DiagnosticCollection,
  uri: vscode.Uri,
  template: Template,
  stage: string | undefined,
) {
  const found = core.serverlessDeployCommand(uri.fsPath, stage);
  if (!found.ok) {
    const copy = 'Copy Install Command';
    const choice = await vscode.window.showErrorMessage(found.message, copy);
    if (choice === copy) await vscode.env.clipboard.writeText('npm install --save-dev serverless');
    return undefined;
  }
  const run = found.run;
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
  const task = new vscode.Task(
    { type: 'serverlessWorkbench', command: 'deploy', file: uri.fsPath },
    folder,
    `serverless deploy (${run.source === 'project' ? "the project's serverless" : 'serverless on PATH'})`,
    'Serverless Workbench',
    new vscode.CustomExecution(async () => {
      problems.delete(uri);
      return new FrameworkTerminal(core, run, (output) => {
        const found = core.frameworkProblems(output, template);
        problems.set(
          uri,
          found.map((p) => {
            const diagnostic = new vscode.Diagnostic(rangeOf(template, p.span), p.message, SEVERITY[p.severity]);
            diagnostic.source = 'serverless deploy';
            return diagnostic;
          }),
        );
      });
    }),
  );
  return vscode.tasks.executeTask(task);
}

/** The CLI's output as printed, in a terminal; `ended` gets the whole output when the CLI exits by itself. */
class FrameworkTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private stop: (() => void) | undefined;

  constructor(
    private readonly core: DeployCore,
    private readonly run: FrameworkCommand,
    private readonly ended: (output: string) => void,
  ) {}

  open(): void {
    this.written.fire(`> ${[this.run.command, ...this.run.args].join(' ')}\r\n`);
    let output = '';
    const running = this.core.runFramework(this.run, (text) => {
      output += text;
      // A terminal moves to the line's start only on \r.
      this.written.fire(text.replace(/\r?\n/g, '\r\n'));
    });
    this.stop = () => running.stop();
    void running.exitCode.then((code) => {
      if (code !== undefined) this.ended(output);
      this.written.fire(`\r\n${code === undefined ? 'Stopped.' : `serverless exited with code ${code}.`}\r\n`);
      this.closed.fire(code ?? 1);
    });
  }

  /** The task was stopped or its terminal closed. */
  close(): void {
    this.stop?.();
  }
}
