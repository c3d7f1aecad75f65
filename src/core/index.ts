// The core's public surface: what the editor adapter, the CLI and the tests import.
export * from './model/nodes';
export * from './model/lines';
export * from './model/template';
export * from './model/parse-result';
export { loadTemplate, formatOf } from './model/load';
export type { LoadOptions } from './model/load';
export { detectKind, isConventionalTemplateName, mightBeTemplate } from './model/detect';
export { referencesIn, subVariables, isPseudoParameter, nameSpan } from './model/references';
export type { Reference, ReferenceKind } from './model/references';
export { definitionAt } from './navigation/definition';
export { referencesAt, highlightsAt } from './navigation/references';
export { prepareRename, renameAt } from './navigation/rename';
export { documentSymbols, workspaceSymbols } from './navigation/document-symbols';
export { symbolIndex } from './navigation/symbol-index';
export { handlerUses } from './navigation/handler';
export { completionsAt } from './completion/complete';
export { hoverAt } from './hover/hover';
export { SchemaCatalog } from './schema/catalog';
