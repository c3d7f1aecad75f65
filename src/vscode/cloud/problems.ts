import * as vscode from 'vscode';
import type { AwsProblem } from '../../core/cloud';

export const CHOOSE_PROFILE_COMMAND = 'serverlessWorkbench.cloud.chooseProfileAndRegion';

/**
 * Shows a failed AWS call with the action that helps: choose another profile for credentials and permissions,
 * retry for throttling and the network, copy the denied IAM action. Returns after the user's choice has run.
 */
export async function showAwsProblem(problem: AwsProblem, retry?: () => unknown): Promise<void> {
  if (problem.kind === 'cancelled') return;
  const choose = 'Choose Profile…';
  const again = 'Retry';
  const copy = 'Copy Action';
  const buttons: string[] = [];
  if (['expired-credentials', 'no-credentials', 'access-denied'].includes(problem.kind)) buttons.push(choose);
  if (problem.action) buttons.push(copy);
  if (retry && ['throttled', 'network', 'other'].includes(problem.kind)) buttons.push(again);
  const text = problem.remedy ? `${problem.message} ${problem.remedy}` : problem.message;
  const picked = await vscode.window.showErrorMessage(text, ...buttons);
  if (picked === choose) await vscode.commands.executeCommand(CHOOSE_PROFILE_COMMAND);
  if (picked === copy && problem.action) await vscode.env.clipboard.writeText(problem.action);
  if (picked === again) await retry?.();
}

/** The problem an AWS call failed with: the core's explained error, or any other error in its own words. */
export function problemOf(error: unknown): AwsProblem {
  const explained = (error as { problem?: AwsProblem }).problem;
  return explained ?? { kind: 'other', message: (error as Error)?.message ?? String(error), remedy: '' };
}
