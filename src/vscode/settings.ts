import * as vscode from 'vscode';

export const SECTION = 'serverlessWorkbench';

/** Reads a setting of ours with its default from package.json. */
export function setting<T>(name: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  return vscode.workspace.getConfiguration(SECTION, scope).get<T>(name, fallback);
}
