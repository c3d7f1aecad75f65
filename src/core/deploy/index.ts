// The deploy and sync chunk (dist/deploy.js): what the CLI and the editor's deploy commands load on first use.
export { deploy, STACK_POLL_MS, type DeployHooks, type DeployOutcome, type DeployRequest } from './deploy';
export { deployConfigOf, SAM_CAPABILITIES, type DeployConfig, type DeployFlags } from './config';
export { syncFunctionCode, type SyncOutcome, type SyncRequest } from './sync';
export { localArtifacts, type LocalArtifact } from './artifacts';
export type { ChangeDetail, ChangeRow, ReviewedChangeSet } from './change-set';
export type { StackEventRow } from './stack-events';
export { changeSetTable, eventLine, outcomeLines } from './format';
export { serverlessDeployCommand, type FrameworkCommand } from './serverless-framework';
export { loadChildTemplate } from './load-child';
export { frameworkProblems, type FrameworkProblem } from './framework-errors';
export { runFramework, type FrameworkRun } from './framework-run';
export { noChangesReview, reviewOf, NOT_IN_TEMPLATE } from './review';
export type { ChangeSetReview, Replacement, ReviewCounts, ReviewRow } from './review-view';
