import * as path from 'path';
import * as vscode from 'vscode';
import * as fs from 'fs';
import { eventsDir, listSavedEvents } from '../../core/invoke/events/store';
import type { OutlineNode } from '../../core/outline/outline';
import type { ExplorerItem, ExplorerProvider } from '../explorer';
import { workspaceDirOf } from './target';

const SAVED_EVENTS_NODE = 'saved-events';
/** Every saved event and its folder: a deleted folder is reported once, without its files. */
const SAVED_EVENTS_GLOB = '**/.serverless-workbench/events/**';

/**
 * A "Saved events" node under each function that has some (the events "New event" and "Save as event" wrote);
 * a click on an event opens its file, where the CodeLens invokes the function with it. Kept current by a file
 * watcher, so events written or deleted outside the editor appear and go too.
 */
export function registerSavedEventsExplorer(explorer: ExplorerProvider): vscode.Disposable {
  // The tree asks for a node's children several times a redraw: a folder is listed again only when its time changed
  // (a file written or deleted), which also covers a watcher event that comes late or not at all.
  const listed = new Map<string, { readonly stamp: number; readonly files: string[] }>();
  const emitter = new vscode.EventEmitter<void>();
  const changed = () => {
    listed.clear();
    emitter.fire();
  };
  const eventsOf = (item: ExplorerItem, logicalId: string): string[] => {
    // Events are saved under the workspace folder; ones kept beside the template are shown too (as the CodeLens).
    const homes = new Set([workspaceDirOf(item.uri), path.dirname(item.uri.fsPath)].map((d) => path.resolve(d)));
    return [...homes].flatMap((home) => {
      const key = `${home}\0${logicalId}`;
      const stamp = folderTime(eventsDir(home, logicalId));
      const known = listed.get(key);
      if (known && known.stamp === stamp) return known.files;
      const files = stamp === NO_FOLDER ? [] : listSavedEvents(home, logicalId);
      listed.set(key, { stamp, files });
      return files;
    });
  };
  const watcher = vscode.workspace.createFileSystemWatcher(SAVED_EVENTS_GLOB);
  return vscode.Disposable.from(
    explorer.contribute({
      onDidChange: emitter.event,
      children(item: ExplorerItem): OutlineNode[] {
        const logicalId = item.node.logicalId;
        if (item.node.kind !== 'function' || !logicalId) return [];
        const files = eventsOf(item, logicalId);
        return files.length > 0 ? [savedEventsNode(logicalId, files)] : [];
      },
    }),
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
    emitter,
  );
}

const NO_FOLDER = -1;

function folderTime(dir: string): number {
  try {
    return fs.statSync(dir).mtimeMs;
  } catch {
    return NO_FOLDER;
  }
}

/** The node and its events, newest first; each event's `file` makes a click open it. */
function savedEventsNode(logicalId: string, files: string[]): OutlineNode {
  return {
    id: `${SAVED_EVENTS_NODE}/${logicalId}`,
    kind: 'section',
    icon: 'folder',
    label: 'Saved events',
    description: String(files.length),
    children: files.map((file) => ({
      id: `${SAVED_EVENTS_NODE}/${logicalId}/${file}`,
      kind: 'event',
      icon: 'event',
      label: path.basename(file, '.json'),
      tooltip: vscode.workspace.asRelativePath(file),
      file,
      children: [],
    })),
  };
}
