// The local and remote invoker's public surface. Loaded lazily by the editor (first invoke) and the CLI.
export type { LocalFunction, InvocationResult, InvokeOptions, FunctionError, LaunchPlan } from './types';
export { LocalInvoker, type DebugOptions } from './invoker';
export { TooManyRequestsError, DEFAULT_MAX_CONCURRENCY, type ConcurrencyLimits } from './warm-pool';
export {
  loadTarget,
  loadFunction,
  localFunctionOf,
  findFunction,
  localResolutionOf,
  type Target,
  type TargetOptions,
} from './target';
export { DEFAULT_REGION, type LocalResolution, type UsedSetting, type UsedSettings } from './local-settings';
export { InvokeApiServer, type InvokeApiOptions } from './invoke-api';
export { suggestEvents, EVENT_GENERATORS, type EventSuggestion } from './events';
export { eventsDir, listSavedEvents, saveEvent, readEventFile, checkEventText } from './events/store';
export { readOverrides, overridesPath } from './overrides';
export { invocationCostUsd } from './cost';
export { parseReportLine } from './report';
export { runtimeFamily } from './runtimes';
export { pythonCommand, findNode, findPython, type InterpreterMap } from './interpreters';
export { LAMBDA_LIMITS } from './limits';
export { profileCredentials, failedForCredentials, NO_CREDENTIALS_HINT, type LocalCredentials } from './credentials';
export { invokeRemote, type RemoteInvocation, type RemoteResult } from './remote/invoke-remote';
export { invocationJson, settingLines, summaryLine, type ShownSettings } from './present';
export { LocalHttpApi, type LocalHttpApiOptions, type ApiTable, type Route } from './http-api';
export { webSocketLines } from './websocket-api/describe';
export {
  invokeWithRuntimeSdk,
  ensureRuntimeSdk,
  fetchQuestion,
  runtimeSdkOf,
  RuntimeSdkSession,
  type FunctionInvoker,
  type SdkSessionOptions,
  type SdkInvocation,
  type SdkFetch,
} from './runtime-sdk';
