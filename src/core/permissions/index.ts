// Permissions: what each function's role grants, what its code calls, and the findings between them.
export { analyzePermissions } from './analyze';
export type { AnalysisOptions, CheckedCall, FunctionPermissions, PermissionAnalysis } from './analyze';
export { effectivePermissions } from './effective';
export { loadCatalogue } from './catalogue';
export type { ActionCatalogue } from './catalogue';
export { evaluate, wildcardMatch } from './matcher';
export { expandPolicyTemplate } from './sam-templates';
export { scanHandler, clearScanCache } from './scan/files';
export type { ReadFile, HandlerScan } from './scan/files';
export { displayPattern } from './arn';
export { servicesOf } from './services';
export type * from './types';
export { permissionsOutline } from './outline';
export { HandlerScansTable, scanQueriesOf, scanKey } from './scans';
export { gatherPermissionInputs } from './gather';
export type { HandlerScans, PermissionInputs } from './scans';
export type { ScanQuery } from './needs-of-function';
