import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SchemaCatalog } from '../core/schema/catalog';

/**
 * The catalog over the extension's `data/` folder; nothing is read until a completion, a hover or the first property
 * validation asks.
 */
export function schemaCatalog(extensionUri: vscode.Uri): SchemaCatalog {
  return new SchemaCatalog((name) =>
    JSON.parse(fs.readFileSync(path.join(extensionUri.fsPath, 'data', `${name}.json`), 'utf8')),
  );
}
