// What the editor's language features compute: completion, hover, definitions, references, highlights, rename and
// symbols. The editor requires it at the first such request (src/vscode/language-features.ts), as a chunk that takes
// the model from the main bundle (scripts/chunks.mjs, SHARING_CHUNKS); the symbol index's cache lives here only.
export { completionsAt } from './completion/complete';
export { hoverAt } from './hover/hover';
export { definitionAt } from './navigation/definition';
export { highlightsAt, referencesAt } from './navigation/find-references';
export { prepareRename, renameAt } from './navigation/rename';
export { documentSymbols, workspaceSymbols } from './navigation/document-symbols';
