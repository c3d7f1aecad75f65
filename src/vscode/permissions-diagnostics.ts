import * as vscode from 'vscode';
import { LineIndex } from '../core';
import type { Finding, Fix } from '../core/permissions';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { PermissionsEntry, PermissionsService } from './permissions-service';

const SEVERITY: Readonly<Record<Finding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information,
};

/** Converts offsets to ranges in any file an analysis read (templates and handler sources). */
class Ranges {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly entry: PermissionsEntry) {}

  of(file: string, span: { start: number; end: number }): vscode.Range | undefined {
    let index = this.indexes.get(file);
    if (!index) {
      const text = file === this.entry.template.fileName ? this.entry.template.text : this.entry.texts.get(file);
      if (text === undefined) return undefined;
      index = file === this.entry.template.fileName ? this.entry.template.lines : new LineIndex(text);
      this.indexes.set(file, index);
    }
    const s = index.positionAt(span.start);
    const e = index.positionAt(span.end);
    return new vscode.Range(s.line, s.character, e.line, e.character);
  }
}

const fixKey = (uri: vscode.Uri, range: vscode.Range, code: string): string =>
  `${uri.toString()}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${code}`;

/**
 * Publishes the permission findings (both ways: template and handler code) to their own diagnostic
 * collection and offers their quick fixes.
 */
export function registerPermissionDiagnostics(service: PermissionsService, extensionUri: vscode.Uri): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('serverless-workbench-permissions');
  const fixes = new Map<string, { fix: Fix; entry: PermissionsEntry }[]>();
  const docs = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');

  const publish = (): void => {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    fixes.clear();
    for (const entry of service.all()) {
      const ranges = new Ranges(entry);
      for (const finding of entry.analysis.findings) {
        const range = ranges.of(finding.file, finding.span);
        if (!range) continue;
        const uri = vscode.Uri.file(finding.file);
        const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: finding.ruleId, target: docs.with({ fragment: finding.ruleId }) };
        diagnostic.relatedInformation = finding.related.flatMap((r) => {
          const at = ranges.of(r.file, r.span);
          return at ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.file), at), r.message)] : [];
        });
        const key = uri.toString();
        byFile.set(key, [...(byFile.get(key) ?? []), diagnostic]);
        if (finding.fixes?.length) {
          const k = fixKey(uri, range, finding.ruleId);
          fixes.set(k, [...(fixes.get(k) ?? []), ...finding.fixes.map((fix) => ({ fix, entry }))]);
        }
      }
    }
    collection.clear();
    for (const [uri, diagnostics] of byFile) collection.set(vscode.Uri.parse(uri), diagnostics);
  };

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const out: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'object') continue;
        for (const { fix, entry } of fixes.get(fixKey(document.uri, diagnostic.range, String(diagnostic.code.value))) ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = fix.preferred;
          action.edit = new vscode.WorkspaceEdit();
          const ranges = new Ranges(entry);
          for (const edit of fix.edits) {
            const range = ranges.of(edit.file, edit.span);
            if (range) action.edit.replace(vscode.Uri.file(edit.file), range, edit.text);
          }
          out.push(action);
        }
      }
      return out;
    },
  };

  return vscode.Disposable.from(
    collection,
    service.onDidChange(publish),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
