import * as vscode from 'vscode';
import type { Template } from '../core';
import { HANDLER_SOURCE_SELECTOR, TEMPLATE_SELECTOR } from './document-selectors';
import { rulesEngine } from './rules-engine';
import type { Finding, Fix } from '../core/rules';
import type { Analyzer } from './diagnostics';
import { DIAGNOSTIC_SOURCE, rangeOf, uriOf } from './diagnostics';
import type { TemplateStore } from './template-store';

/**
 * Quick fixes for our diagnostics. The edits come from the core (each finding carries its fixes), computed on
 * the same model the diagnostics came from, so a fix always applies to the text the user sees. A finding in a
 * handler's source (a call its role does not allow) is fixed in the template that runs it.
 */
export class RuleCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly store: TemplateStore,
    private readonly analyzer: Analyzer,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const template = this.store.modelOf(document);
    if (template) return this.actions(document.uri, template, document.uri, range, ours);
    // Not a template: the templates whose findings are shown on this document (there are none without ours).
    if (ours.length === 0) return [];
    const entries = await this.store.all();
    return entries.flatMap((e) => this.actions(e.uri, e.template, document.uri, range, ours));
  }

  /** The fixes of one template's findings shown on `shownOn` within `range`, real fixes first, then suppressions. */
  private actions(
    templateUri: vscode.Uri,
    template: Template,
    shownOn: vscode.Uri,
    range: vscode.Range,
    ours: readonly vscode.Diagnostic[],
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const suppressions: vscode.CodeAction[] = [];
    const offered = new Set<string>();
    const on = (f: Finding): boolean => uriOf(templateUri, f.file).toString() === shownOn.toString();
    for (const finding of this.analyzer.analysis(template).findings) {
      if (!on(finding)) continue;
      const at = rangeOf(template, finding.span, finding.file);
      if (!at.intersection(range)) continue;
      const diagnostic = ours.find((d) => codeOf(d) === finding.ruleId && d.range.isEqual(at));
      for (const fix of finding.fixes) actions.push(toAction(templateUri, template, fix, diagnostic));
      // Suppressions come last, once per rule and place, so the real fixes stay on top of the menu.
      const { suppressionFix } = rulesEngine();
      for (const fix of [
        suppressionFix(template, finding.ruleId, finding.logicalId),
        suppressionFix(template, finding.ruleId, undefined),
      ]) {
        if (!fix || offered.has(fix.title)) continue;
        offered.add(fix.title);
        suppressions.push(toAction(templateUri, template, fix, diagnostic));
      }
    }
    return [...actions, ...suppressions];
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Fixes edit the template, whichever document the finding is shown on. */
function toAction(
  templateUri: vscode.Uri,
  template: Template,
  fix: Fix,
  diagnostic: vscode.Diagnostic | undefined,
): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits) action.edit.replace(templateUri, rangeOf(template, edit.span), edit.newText);
  action.isPreferred = fix.preferred ?? false;
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}

/**
 * Templates, and handler sources: a permission finding sits on the call in the handler and its fix edits the template.
 */
export function registerCodeActions(store: TemplateStore, analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    [...TEMPLATE_SELECTOR, ...HANDLER_SOURCE_SELECTOR],
    new RuleCodeActions(store, analyzer),
    { providedCodeActionKinds: RuleCodeActions.kinds },
  );
}
