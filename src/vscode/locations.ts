import * as vscode from 'vscode';
import { LineIndex } from '../core/model/lines';
import type { Span } from '../core';
import type { NavigationTarget } from '../core/navigation/location';
import { readWorkspaceText } from './workspace-files';

export function rangeOf(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/**
 * A core target as an editor location: offsets in this document, in another open document, or in a file
 * on disk (read to count its lines).
 */
export function locationOf(document: vscode.TextDocument, target: NavigationTarget): vscode.Location | undefined {
  if (!target.fileName) return new vscode.Location(document.uri, rangeOf(document, target.span));
  const uri = vscode.Uri.file(target.fileName);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return new vscode.Location(uri, rangeOf(open, target.span));
  const text = readWorkspaceText(target.fileName);
  if (text === undefined) return undefined;
  {
    const lines = new LineIndex(text);
    const start = lines.positionAt(target.span.start);
    const end = lines.positionAt(target.span.end);
    return new vscode.Location(uri, new vscode.Range(start.line, start.character, end.line, end.character));
  }
}
