import * as vscode from 'vscode';
import type { Template } from '../core';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { rulesEngine } from './rules-engine';
import type { Fix } from '../core/rules';
import type { Analyzer } from './diagnostics';
import { DIAGNOSTIC_SOURCE, rangeOf } from './diagnostics';
import type { TemplateStore } from './template-store';

/**
 * Quick fixes for our diagnostics. The edits come from the core (each finding carries its fixes), computed on
 * the same model the diagnostics came from, so a fix always applies to the text the user sees.
 */
export class RuleCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: TemplateStore, private readonly analyzer: Analyzer) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const template = this.store.modelOf(document);
    if (!template) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const actions: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const offered = new Set<string>();
    for (const finding of this.analyzer.analysis(template).findings) {
      if (!rangeOf(template, finding.span).intersection(range)) continue;
      const diagnostic = ours.find((d) => codeOf(d) === finding.ruleId && d.range.isEqual(rangeOf(template, finding.span)));
      for (const fix of finding.fixes) actions.push(toAction(document.uri, template, fix, diagnostic));
      // Suppressions come last, once per rule and place, so the real fixes stay on top of the menu.
      const { suppressionFix } = rulesEngine();
      for (const fix of [suppressionFix(template, finding.ruleId, finding.logicalId), suppressionFix(template, finding.ruleId, undefined)]) {
        if (!fix || offered.has(fix.title)) continue;
        offered.add(fix.title);
        suppressions.push(toAction(document.uri, template, fix, diagnostic));
      }
    }
    return [...actions, ...suppressions];
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function toAction(uri: vscode.Uri, template: Template, fix: Fix, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits) action.edit.replace(uri, rangeOf(template, edit.span), edit.newText);
  action.isPreferred = fix.preferred ?? false;
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}

export function registerCodeActions(store: TemplateStore, analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(TEMPLATE_SELECTOR, new RuleCodeActions(store, analyzer), { providedCodeActionKinds: RuleCodeActions.kinds });
}
