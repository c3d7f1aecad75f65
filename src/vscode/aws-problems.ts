import * as vscode from 'vscode';
import { describeAwsProblem, type AwsProblem } from '../core/aws/errors';
import { selectProfile } from './invoke/aws-choices';

/**
 * Shows a failed AWS call with the button that helps: choose another profile for credentials and permissions, copy
 * the denied IAM action for an administrator, retry after throttling, a network error or another failure. Returns
 * after the user's choice has run. Every AWS caller of the editor (deploy, sync, the deployed stack, logs) uses it.
 */
export async function showAwsProblem(problem: AwsProblem, retry?: () => unknown): Promise<void> {
  if (problem.kind === 'cancelled') return;
  const choose = 'Choose Profile…';
  const again = 'Retry';
  const copy = 'Copy Action';
  const buttons: string[] = [];
  if (['expired-credentials', 'no-credentials', 'access-denied'].includes(problem.kind)) buttons.push(choose);
  if (problem.deniedAction) buttons.push(copy);
  if (retry && ['throttled', 'network', 'other'].includes(problem.kind)) buttons.push(again);
  const picked = await vscode.window.showErrorMessage(describeAwsProblem(problem), ...buttons);
  if (picked === choose) await selectProfile();
  if (picked === copy && problem.deniedAction) await vscode.env.clipboard.writeText(problem.deniedAction);
  if (picked === again) await retry?.();
}

/** The problem an AWS call failed with: the core's explained error, or any other error in its own words. */
export function problemOf(error: unknown): AwsProblem {
  const explained = (error as { problem?: AwsProblem }).problem;
  return explained ?? { kind: 'other', message: (error as Error)?.message ?? String(error) };
}
