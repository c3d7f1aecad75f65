import * as vscode from 'vscode';
import type { SymbolKind } from '../core/navigation/document-symbols';

export const SYMBOL_KIND: Readonly<Record<SymbolKind, vscode.SymbolKind>> = {
  section: vscode.SymbolKind.Namespace,
  type: vscode.SymbolKind.Class,
  parameter: vscode.SymbolKind.TypeParameter,
  condition: vscode.SymbolKind.Boolean,
  mapping: vscode.SymbolKind.Object,
  resource: vscode.SymbolKind.Struct,
  function: vscode.SymbolKind.Function,
  event: vscode.SymbolKind.Event,
  output: vscode.SymbolKind.Property,
  variable: vscode.SymbolKind.Variable,
};
