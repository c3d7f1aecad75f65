import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { isRunning } from '../fakes/processes';
import { screenshot } from './report';
import { eventually, workbench, workspaceUri } from './workbench';

/** What `serverless deploy` v3 prints when CloudFormation refuses a function (its colours included). */
const FAILED_DEPLOY = [
  'Deploying notifications to stage dev (eu-west-1)',
  '',
  '\u001b[31m✖\u001b[39m Stack notifications-dev failed to deploy (41s)',
  'Environment: linux, node 20.11.1, framework 3.38.0, plugin 7.2.0, SDK 4.5.1',
  'Credentials: Local, "default" profile',
  'Docs:        docs.serverless.com',
  'Support:     forum.serverless.com',
  'Bugs:        github.com/serverless/serverless/issues',
  '',
  '\u001b[31mError:\u001b[39m',
  'CREATE_FAILED: NotifyLambdaFunction (AWS::Lambda::Function)',
  'Resource handler returned message: "Memory size 20480 is not within the allowed range" ' +
    '(RequestToken: 1f2e, HandlerErrorCode: InvalidRequest)',
  '',
].join('\n');

/**
 * Deploying a Serverless Framework service runs the framework's own CLI in a task. A fake `serverless` on PATH (a
 * node script, as the real CLI is) prints what the real one prints and exits as it does; the CLI's output is read
 * from the environment variable SWB_FAKE_SERVERLESS_OUTPUT and its exit code from ..._EXIT, both set in this
 * extension host, whose environment the task's process inherits.
 */
describe('serverless deploy task in VS Code', function () {
  this.timeout(60_000);
  const service = () => workspaceUri('serverless-app', 'serverless.yml');
  const saved = { ...process.env };
  let bin: string;
  before(async () => {
    await workbench();
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-fake-serverless-'));
    const cli = path.join(bin, 'serverless');
    fs.writeFileSync(
      cli,
      [
        `#!${process.execPath}`,
        "const fs = require('fs');",
        'const pidFile = process.env.SWB_FAKE_SERVERLESS_PID;',
        'if (pidFile) fs.writeFileSync(pidFile, String(process.pid));',
        "process.stdout.write(process.env.SWB_FAKE_SERVERLESS_OUTPUT ?? '');",
        'if (process.env.SWB_FAKE_SERVERLESS_HANG) setInterval(() => {}, 1000);',
        "else process.exitCode = Number(process.env.SWB_FAKE_SERVERLESS_EXIT ?? '0');",
      ].join('\n'),
      { mode: 0o755 },
    );
    process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
  });
  after(() => {
    process.env = saved;
    fs.rmSync(bin, { recursive: true, force: true });
  });

  const deploy = async (output: string, exit: number) => {
    Object.assign(process.env, { SWB_FAKE_SERVERLESS_OUTPUT: output, SWB_FAKE_SERVERLESS_EXIT: String(exit) });
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.tasks.onDidEndTask((e) => {
        if (e.execution.task.source !== 'Serverless Workbench') return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('serverlessWorkbench.deploy', service());
    await ended;
  };
  const deployProblems = () =>
    vscode.languages.getDiagnostics(service()).filter((d) => d.source === 'serverless deploy');

  it("puts CloudFormation's refusal on the function it is about, and clears it on the next deploy", async () => {
    await deploy(FAILED_DEPLOY, 1);
    const [problem, ...others] = await eventually(
      'the deploy problem',
      () => deployProblems().length > 0 && deployProblems(),
    );
    assert.equal(others.length, 0);
    assert.equal(problem?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(
      problem?.message,
      'CREATE_FAILED: NotifyLambdaFunction (AWS::Lambda::Function)\nResource handler returned message: ' +
        '"Memory size 20480 is not within the allowed range" (RequestToken: 1f2e, HandlerErrorCode: InvalidRequest)',
    );
    const document = await vscode.workspace.openTextDocument(service());
    assert.equal(document.getText(problem?.range), 'notify', 'on the function key in serverless.yml');
    await vscode.window.showTextDocument(document, { selection: problem?.range });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('serverless-deploy-problem');

    await deploy('✔ Service deployed to stack notifications-dev (112s)\n', 0);
    assert.deepEqual(deployProblems(), [], 'a successful deploy leaves no problem of the last one');
  });

  it("stops the framework's process when the task is stopped", async () => {
    const pidFile = path.join(bin, 'pid');
    Object.assign(process.env, { SWB_FAKE_SERVERLESS_PID: pidFile, SWB_FAKE_SERVERLESS_HANG: '1' });
    try {
      await vscode.commands.executeCommand('serverlessWorkbench.deploy', service());
      const pid = await eventually(
        'the CLI started',
        () => fs.existsSync(pidFile) && Number(fs.readFileSync(pidFile, 'utf8')),
        20_000,
      );
      const running = vscode.tasks.taskExecutions.find((e) => e.task.source === 'Serverless Workbench');
      assert.ok(running, 'the deploy is a running task');
      running.terminate();
      await eventually('the CLI ended', () => !isRunning(pid), 10_000);
    } finally {
      delete process.env.SWB_FAKE_SERVERLESS_PID;
      delete process.env.SWB_FAKE_SERVERLESS_HANG;
    }
  });
});
