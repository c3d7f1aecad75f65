// The rule engine's public surface, for the editor adapter, the CLI and the tests.
export { analysisSteps, analyzeTemplate } from './engine';
export type { AnalysisResult, RuleCrash } from './engine';
export { ALL_RULES, RULES_BY_ID } from './registry';
export { RULES_DOC_BASE, ruleDocsUrl } from './define';
export { todayIso, isIsoDate } from './today';
export { suppressionFix } from './suppression';
export { permissionAnalysisOf } from './permissions';
export type {
  AnalysisInputs,
  Finding,
  Fix,
  RelatedLocation,
  Rule,
  Severity,
  SeverityOverride,
  SourceFile,
  TextEdit,
} from './types';
