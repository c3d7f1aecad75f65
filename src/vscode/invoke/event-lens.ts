import * as path from 'path';
import * as vscode from 'vscode';
import type { TemplateStore } from '../template-store';
import { INVOKE_COMMANDS } from './commands';
import { INVOKE_WITH_EVENT } from './events';
import { workspaceDirOf } from './target';

/** `<workspace>/.serverless-workbench/events/<LogicalId>/<name>.json`: where saved events live. */
const SAVED_EVENT = /^(.*)[\\/]\.serverless-workbench[\\/]events[\\/]([^\\/]+)[\\/][^\\/]+\.json$/;

/** "▶ Invoke with this event" at the top of a saved event, for the function it belongs to. */
class EventCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly store: TemplateStore) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const match = SAVED_EVENT.exec(document.uri.fsPath);
    if (document.uri.scheme !== 'file' || !match) return [];
    const [, workspaceDir, logicalId] = match;
    const lenses: vscode.CodeLens[] = [];
    for (const entry of await this.store.all()) {
      // Events are saved under the workspace folder; ones kept beside the template are found too.
      const homes = [workspaceDirOf(entry.uri), path.dirname(entry.uri.fsPath)].map((d) => path.resolve(d));
      if (!homes.includes(path.resolve(workspaceDir))) continue;
      if (!entry.template.functions.some((f) => f.logicalId === logicalId)) continue;
      const args = [{ templateUri: entry.uri.toString(), logicalId, eventFile: document.uri.fsPath }];
      const title =
        lenses.length === 0 ? INVOKE_WITH_EVENT : `${INVOKE_WITH_EVENT} (${path.basename(entry.uri.fsPath)})`;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: INVOKE_COMMANDS.local, arguments: args }),
      );
    }
    return lenses;
  }
}

export function registerEventCodeLens(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    { scheme: 'file', pattern: '**/.serverless-workbench/events/*/*.json' },
    new EventCodeLensProvider(store),
  );
}
