import * as vscode from 'vscode';
import type { TemplateStore } from './template-store';

/**
 * What is wrong in a samconfig file (it does not parse, `parameter_overrides` is not `Name=Value`, the chosen
 * config environment is missing) as warnings on that file's line, where the user fixes it; the templates beside
 * it are still analysed, with the parameters' Defaults.
 */
export function registerInputProblems(store: TemplateStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('serverlessWorkbench.inputs');
  const publish = () => {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of store.inputProblems()) {
      const line = Math.max(0, problem.line - 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
        problem.message,
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = 'Serverless Workbench';
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    collection.clear();
    for (const [file, diagnostics] of byFile) collection.set(vscode.Uri.file(file), diagnostics);
  };
  publish();
  return vscode.Disposable.from(collection, store.onDidChangeForProblems(publish));
}
