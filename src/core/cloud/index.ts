// The deployed side of a template: its stack's state, console links and logs. Loaded on the first cloud command
// or opened "Deployed stack" node (dist/cloud.js, scripts/chunks.mjs FEATURE_CHUNKS), never at activation.
export {
  readDeployedStack,
  deployedResourceOf,
  type DeployedStack,
  type StackRead,
  type StackOutput,
} from './deployed-stack';
export {
  deployedFunction,
  functionLogGroup,
  type DeployedFunction,
  type DeployedFunctionChoice,
} from './function-target';
export {
  deploymentOf,
  describeDeployment,
  describeStackOnly,
  resourcesOnlyInStack,
  type ResourceDeployment,
  type StackOnlyResource,
} from './stack-view';
export { DEPLOY_STATE_LABEL, type DeployState } from './status';
export { stackNameOf, type StackName, type StackNameChoice } from './stack-name';
export {
  defaultLogGroupName,
  functionNameOf,
  lambdaConsoleUrl,
  lambdaFunctionArn,
  logGroupArn,
  stackConsoleUrl,
} from './console';
export { AwsCallError, describeAwsProblem, explainAwsError, type AwsProblem, type AwsProblemKind } from '../aws/errors';
export { tailLogs, requestLog, readLogs, DEFAULT_LOG_TIMING, type LogEvent, type LogTiming } from './logs';
export { presentLogEvent, type LogLine, type LogLevel } from './log-lines';
export type { AwsConnection } from '../aws/connection';
export { DEFAULT_REGION } from '../invoke/local-settings';
