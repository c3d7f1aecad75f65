import * as path from 'path';
import * as vscode from 'vscode';
import { handlerModulePath } from '../../core/model/handlers';
import { exportSpan } from '../../core/navigation/handler';
import type { FunctionView, Template } from '../../core';
import type { TemplateStore } from '../template-store';
import { HANDLER_SOURCE_SELECTOR, TEMPLATE_SELECTOR } from '../document-selectors';
import { INVOKE_COMMANDS } from './commands';

const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.py'];

function lenses(range: vscode.Range, templateUri: vscode.Uri, logicalId: string): vscode.CodeLens[] {
  const args = [{ templateUri: templateUri.toString(), logicalId }];
  return [
    new vscode.CodeLens(range, { title: '▶ Invoke locally', command: INVOKE_COMMANDS.local, arguments: args }),
    new vscode.CodeLens(range, { title: '☁ Invoke in AWS', command: INVOKE_COMMANDS.remote, arguments: args }),
  ];
}

/** The line that defines the handler's export in its source file, if it can be found (the core's export finder). */
export function handlerLine(text: string, runtime: string, exportName: string): number | undefined {
  const span = exportSpan(text, exportName, runtime.startsWith('python'));
  return span ? text.slice(0, span.start).split('\n').length - 1 : undefined;
}

/** Functions of a template whose handler is in `file`. */
function functionsInFile(template: Template, file: string): FunctionView[] {
  const templateDir = path.dirname(template.fileName);
  const withoutExt = file.slice(0, file.length - path.extname(file).length);
  return template.functions.filter((f) => {
    const runtime = f.runtime?.value;
    const handler = f.handler?.value;
    if (!runtime || !handler || (f.codeUri?.value === undefined && f.codeUri !== undefined)) return false;
    const module = handlerModulePath(runtime, handler).module;
    return path.resolve(templateDir, f.codeUri?.value ?? '.', module) === withoutExt;
  });
}

/** CodeLens above each function of a template, and above the exported handler in its source file. */
export class InvokeCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly store: TemplateStore) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) =>
      store.onDidChange(() => listener.call(thisArg, undefined), undefined, disposables);
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    // Running a function needs its template and code on this machine's disk.
    if (document.uri.scheme !== 'file') return [];
    const template = this.store.modelOf(document);
    if (template) {
      return template.functions.flatMap((f) => {
        const start = document.positionAt(f.resource.idSpan.start);
        return lenses(new vscode.Range(start, start), document.uri, f.logicalId);
      });
    }
    if (!SOURCE_EXTENSIONS.includes(path.extname(document.uri.fsPath))) return [];
    const result: vscode.CodeLens[] = [];
    for (const entry of await this.store.all()) {
      for (const f of functionsInFile(entry.template, document.uri.fsPath)) {
        const { exportName } = handlerModulePath(f.runtime?.value ?? '', f.handler?.value ?? '');
        const line = handlerLine(document.getText(), f.runtime?.value ?? '', exportName);
        if (line !== undefined) result.push(...lenses(new vscode.Range(line, 0, line, 0), entry.uri, f.logicalId));
      }
    }
    return result;
  }
}

export function registerInvokeCodeLens(store: TemplateStore): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    [...TEMPLATE_SELECTOR, ...HANDLER_SOURCE_SELECTOR],
    new InvokeCodeLensProvider(store),
  );
}
