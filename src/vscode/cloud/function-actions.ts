import * as vscode from 'vscode';
import type { DeployedFunction } from '../../core/cloud';
import { functionFromArgs } from '../invoke/target';
import type { TemplateStore } from '../template-store';
import { cloudCore } from './core';
import type { DeployedState } from './deployed-state';
import type { LogViews } from './log-view';
import { STACK_NODE_ID } from './stack-explorer';
import type { CloudContext } from './target';

/** How long the status bar says what was copied. */
const COPIED_MESSAGE_MS = 3_000;

export const CLOUD_COMMANDS = {
  openInConsole: 'serverlessWorkbench.cloud.openInConsole',
  copyArn: 'serverlessWorkbench.cloud.copyArn',
  tailLogs: 'serverlessWorkbench.cloud.tailLogs',
} as const;

/**
 * What a deployed function offers: its console page, its ARN, its logs. Each reads the stack when it was not read
 * yet (the user asked), and says plainly when the function is not deployed.
 */
export function registerFunctionActions(store: TemplateStore, state: DeployedState, logs: LogViews): vscode.Disposable {
  const deployed = async (
    arg: unknown,
  ): Promise<{ fn: DeployedFunction; context: CloudContext; credentials: string } | undefined> => {
    const ref = await functionFromArgs(store, arg);
    if (!ref) return undefined;
    const found = await state.stackFor(ref.templateUri);
    if (!found) return undefined;
    const { read, template, context } = found;
    const core = await cloudCore();
    const name = 'value' in context.stack ? context.stack.value : '';
    if (!read.exists) {
      void vscode.window.showWarningMessage(
        `Stack ${name} does not exist in ${context.target.region}: deploy it first.`,
      );
      return undefined;
    }
    const fn = core.deployedFunction(template, ref.logicalId, read.stack);
    if ('missing' in fn) {
      void vscode.window.showWarningMessage(fn.missing);
      return undefined;
    }
    const credentials = context.target.profile
      ? `profile ${context.target.profile} (${context.profileOrigin})`
      : context.profileOrigin;
    return { fn, context, credentials };
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(CLOUD_COMMANDS.openInConsole, async (arg?: unknown) => {
      const core = await cloudCore();
      const item = arg as { uri?: vscode.Uri; node?: { id?: string } } | undefined;
      if (item?.uri && item.node?.id === STACK_NODE_ID) {
        const found = await state.stackFor(item.uri);
        if (found?.read.exists) {
          const url = core.stackConsoleUrl(found.read.stack.region, found.read.stack.id);
          await vscode.env.openExternal(vscode.Uri.parse(url));
          return url;
        }
        return undefined;
      }
      const target = await deployed(arg);
      if (!target) return undefined;
      const url = core.lambdaConsoleUrl(target.fn.region, target.fn.functionName);
      await vscode.env.openExternal(vscode.Uri.parse(url));
      return url;
    }),
    vscode.commands.registerCommand(CLOUD_COMMANDS.copyArn, async (arg?: unknown) => {
      const target = await deployed(arg);
      if (!target) return undefined;
      if (!target.fn.arn) {
        void vscode.window.showWarningMessage(`The account of ${target.fn.functionName} is not known: no ARN.`);
        return undefined;
      }
      await vscode.env.clipboard.writeText(target.fn.arn);
      void vscode.window.setStatusBarMessage(`Copied ${target.fn.arn}`, COPIED_MESSAGE_MS);
      return target.fn.arn;
    }),
    vscode.commands.registerCommand(CLOUD_COMMANDS.tailLogs, async (arg?: unknown) => {
      const target = await deployed(arg);
      return target && logs.tail(target.fn, target.context.target, target.credentials);
    }),
  );
}
