import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { costCore } from './cost-core';
import { itemsOf, mapAt } from '../core/model/nodes';
import type { FunctionView, Template } from '../core';

export const SWITCH_TO_ARM64_TITLE = 'Switch to arm64 (−20% compute)';

/**
 * The quick fix "Switch to arm64 (−20% compute)" inside an x86_64 function whose runtime runs on arm64:
 * it edits the setting where it comes from (the function, or Globals for every function inheriting it),
 * or adds `Architectures` to the function.
 */
export function registerCostActions(
  modelOf: (document: vscode.TextDocument) => Template | undefined,
): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    TEMPLATE_SELECTOR,
    {
      provideCodeActions(document, range) {
        const template = modelOf(document);
        if (!template) return [];
        const offset = document.offsetAt(range.start);
        const fn = template.functions.find(
          (f) => f.resource.origin === 'written' && offset >= f.resource.span.start && offset <= f.resource.span.end,
        );
        if (!fn || !canSwitch(fn)) return [];
        const edit = switchEdit(document, template, fn);
        if (!edit) return [];
        const inGlobals = fn.architecture.source === 'globals';
        const action = new vscode.CodeAction(
          inGlobals ? `${SWITCH_TO_ARM64_TITLE} in Globals, for every function` : SWITCH_TO_ARM64_TITLE,
          vscode.CodeActionKind.QuickFix,
        );
        action.edit = edit;
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function canSwitch(fn: FunctionView): boolean {
  return (
    fn.architecture.value === 'x86_64' &&
    fn.packageType === 'Zip' &&
    !fn.managedInstances &&
    costCore().supportsArm64(fn.runtime?.value)
  );
}

function switchEdit(
  document: vscode.TextDocument,
  template: Template,
  fn: FunctionView,
): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  const written = fn.architecture.node;
  if (written) {
    // `[x86_64]`, `- x86_64`, `"x86_64"`, or Serverless's `architecture: x86_64`: replace the value, keep its quotes.
    const scalar = written.kind === 'seq' ? itemsOf(written)[0] : written;
    if (!scalar) return undefined;
    const range = new vscode.Range(document.positionAt(scalar.span.start), document.positionAt(scalar.span.end));
    edit.replace(document.uri, range, document.getText(range).replace('x86_64', 'arm64'));
    return edit;
  }
  return addFunctionProperty(edit, document, template, fn, {
    yaml: 'Architectures:\n  - arm64',
    json: '"Architectures": ["arm64"]',
  })
    ? edit
    : undefined;
}

/**
 * Adds a property as the first of the function's written `Properties`, indented like its neighbours;
 * `yaml` may span lines (continuation lines are indented relative to the key). False when there is no
 * written `Properties` map to add to (a Serverless function, a generated one).
 */
export function addFunctionProperty(
  edit: vscode.WorkspaceEdit,
  document: vscode.TextDocument,
  template: Template,
  fn: FunctionView,
  text: { yaml: string; json: string },
): boolean {
  const props = fn.resource.node && mapAt(fn.resource.node, 'Properties');
  const first = props?.entries[0];
  if (!props || !first) return false;
  const keyStart = document.positionAt(first.keySpan.start);
  const indent = ' '.repeat(keyStart.character);
  const inserted =
    template.format === 'json' ? `${text.json},\n${indent}` : `${text.yaml.split('\n').join(`\n${indent}`)}\n${indent}`;
  edit.insert(document.uri, keyStart, inserted);
  return true;
}
