import * as vscode from 'vscode';

/**
 * The template a command was given: a URI, `{templateUri}` from a caller or a test, or an explorer item (`uri`,
 * from a template's context menu); undefined when none was given (the command then asks or uses the active editor).
 */
export function templateUriOfArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const { templateUri, uri } = (arg ?? {}) as { templateUri?: unknown; uri?: unknown };
  if (templateUri instanceof vscode.Uri) return templateUri;
  return uri instanceof vscode.Uri ? uri : undefined;
}
