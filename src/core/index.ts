// The core's public surface: what the editor adapter, the CLI and the tests import.
export * from './model/nodes';
export * from './model/lines';
export * from './model/template';
export * from './model/parse-result';
export { loadTemplate, formatOf } from './model/load';
export type { LoadOptions } from './model/load';
export type {
  Absent,
  ConditionValue,
  Evaluated,
  InputValue,
  Known,
  PlainValue,
  Provenance,
  ResolutionInputs,
  StandIns,
  Unknown,
  ValueOrigin,
} from './model/resolve/types';
export type { TemplateResolver } from './model/resolve/resolver';
export { describeProvenance, formatSetting, isWrittenInPlace } from './model/resolve/describe';
export { detectKind, isConventionalTemplateName, mightBeTemplate } from './model/detect';
export {
  referencesIn,
  subVariables,
  isPseudoParameter,
  nameSpan,
  referenceTarget,
  resourceNamedBy,
  functionNamedBy,
  PSEUDO_PARAMETERS,
} from './model/references';
export type { Reference, ReferenceKind, ReferenceTarget, SamProperty, FunctionQualifier } from './model/references';
export { eventSourceOf } from './model/event-sources';
export type { EventSource } from './model/event-sources';
export { definitionAt } from './navigation/definition';
export { referencesAt, highlightsAt } from './navigation/find-references';
export { prepareRename, renameAt } from './navigation/rename';
export { documentSymbols, workspaceSymbols } from './navigation/document-symbols';
export { symbolIndex } from './navigation/symbol-index';
export { handlerUses } from './navigation/handler';
export { completionsAt } from './completion/complete';
export { hoverAt } from './hover/hover';
export { SchemaCatalog } from './schema/catalog';
export { deployedResources } from './model/sam/transformed';
