// The AWS SDK that Lambda's runtimes provide, stood in for locally from a per-user cache.
export {
  runtimeSdkOf,
  runtimeSdkDir,
  runtimeSdkModules,
  missingSdkPackage,
  sdkNotInRuntime,
  RUNTIME_SDK_CACHE_ENV,
  type RuntimeSdk,
} from './sdk';
export {
  ensureRuntimeSdk,
  fetchQuestion,
  packageSpec,
  type SdkFetch,
  type SdkInstaller,
  type EnsureSdkOptions,
  type SdkOutcome,
} from './install';
export { invokeWithRuntimeSdk, type SdkInvocation } from './retry';
export { RuntimeSdkSession, type FunctionInvoker, type SdkSessionOptions } from './session';
