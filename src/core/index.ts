// The core's public surface: what the editor adapter, the CLI and the tests import.
export * from './model/nodes';
export * from './model/lines';
export * from './model/template';
export * from './model/parse-result';
export { loadTemplate, formatOf } from './model/load';
export type { LoadOptions } from './model/load';
export { detectKind, isConventionalTemplateName, mightBeTemplate } from './model/detect';
export { referencesIn, subVariables, isPseudoParameter } from './model/references';
export type { Reference, ReferenceKind } from './model/references';
export { deployedResources } from './model/sam/transformed';
