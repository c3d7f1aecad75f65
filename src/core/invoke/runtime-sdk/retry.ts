import type { InvocationResult, LocalFunction } from '../types';
import { ensureRuntimeSdk, type EnsureSdkOptions } from './install';
import { missingSdkPackage, sdkNotInRuntime } from './sdk';

export interface SdkInvocation {
  readonly result: InvocationResult;
  /** Why the runtime's SDK is still missing, and what to install instead; set only when it is. */
  readonly sdkMessage?: string;
  /** Packages fetched for this invocation. */
  readonly fetched: readonly string[];
}

/**
 * Runs `invoke`; when it fails only because the handler imports a package the runtime provides in Lambda
 * (`@aws-sdk/client-s3`, `aws-sdk` on Node.js 16, `boto3`), fetches that package into the runtime SDK cache with the
 * user's consent and runs it again, once per package a handler imports (each import error names one). An SDK the
 * runtime does not include (`aws-sdk` on Node.js 18 and later) is not fetched: the message says Lambda lacks it too.
 */
export async function invokeWithRuntimeSdk(
  fn: Pick<LocalFunction, 'runtime' | 'codeDir'>,
  invoke: () => Promise<InvocationResult>,
  options: Omit<EnsureSdkOptions, 'codeDir'>,
): Promise<SdkInvocation> {
  const fetched: string[] = [];
  const tried = new Set<string>();
  let result = await invoke();
  for (;;) {
    const pkg = missingSdkPackage(fn.runtime, result.functionError);
    if (!pkg) {
      const notInRuntime = sdkNotInRuntime(fn.runtime, result.functionError, fn.codeDir);
      return notInRuntime ? { result, fetched, sdkMessage: notInRuntime } : { result, fetched };
    }
    // In the cache and still not importable (an ES module handler on a Node.js without module hooks): say so.
    if (tried.has(pkg))
      return {
        result,
        fetched,
        sdkMessage: `${pkg} is in the runtime SDK cache but the handler still cannot import it.`,
      };
    tried.add(pkg);
    const outcome = await ensureRuntimeSdk(fn.runtime, [pkg], { ...options, codeDir: fn.codeDir });
    if (!outcome.ok) return { result, fetched, sdkMessage: outcome.message };
    fetched.push(...outcome.fetched);
    result = await invoke();
  }
}
