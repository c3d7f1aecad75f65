import * as vscode from 'vscode';
import { readBoundedFile } from '../core/load';
import { isUnreadable, type Unreadable } from '../core/model/file-read';

/**
 * Reads a file for the core (templates' `${file()}`, samconfig, handlers, usage files): an open document's
 * text first, so unsaved edits count, else the disk through the same bounded read as the command line
 * (regular files only, up to `LIMITS.maxReadFileBytes`), so a FIFO or a device cannot hang the editor.
 */
export function readWorkspaceFile(fileName: string): string | undefined | Unreadable {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === fileName);
  return open ? open.getText() : readBoundedFile(fileName);
}

/** The same, for readers that only need to know whether there is text. */
export function readWorkspaceText(fileName: string): string | undefined {
  const read = readWorkspaceFile(fileName);
  return isUnreadable(read) ? undefined : read;
}
