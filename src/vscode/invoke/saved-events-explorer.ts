import * as path from 'path';
import * as vscode from 'vscode';
import { listSavedEvents } from '../../core/invoke/events/store';
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
  // The tree asks for a node's children several times a redraw; the folder is read once per change.
  const listed = new Map<string, string[]>();
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
      let files = listed.get(key);
      if (!files) listed.set(key, (files = listSavedEvents(home, logicalId)));
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
