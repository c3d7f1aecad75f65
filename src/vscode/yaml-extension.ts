import * as path from 'path';
import * as vscode from 'vscode';

const RED_HAT_YAML = 'redhat.vscode-yaml';
/** File names the JSON Schema Store maps to CloudFormation, SAM and Serverless Framework schemas. */
const SCHEMA_STORE_NAMES = /^(serverless\.ya?ml|.*\.sam\.ya?ml|sam\.ya?ml|.*\.cf\.ya?ml|cloudformation\.ya?ml)$/i;

/**
 * Whether the Red Hat YAML extension already completes keys and values of this document from a JSON
 * schema (one mapped in `yaml.schemas`, or the Schema Store's for serverless.yml and *.sam.yaml). Then
 * we leave keys and schema values to it and only add what a schema cannot know, so that the same
 * suggestion does not appear twice.
 */
export function yamlSchemaCovers(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml' || !vscode.extensions.getExtension(RED_HAT_YAML)) return false;
  const config = vscode.workspace.getConfiguration('yaml', document.uri);
  if (config.get<boolean>('schemaStore.enable', true) && SCHEMA_STORE_NAMES.test(path.basename(document.uri.path)))
    return true;
  const schemas = config.get<Record<string, string | string[]>>('schemas', {});
  return Object.values(schemas).some((globs) =>
    (Array.isArray(globs) ? globs : [globs]).some((pattern) => vscode.languages.match({ pattern }, document) > 0),
  );
}
