import type { LocalInvoker } from '../invoker';
import type { InvocationResult, InvokeOptions, LocalFunction } from '../types';
import type { EnsureSdkOptions, SdkFetch } from './install';
import { invokeWithRuntimeSdk } from './retry';

/** What the local servers need of an invoker: one invocation at a time, warm environments behind it. */
export type FunctionInvoker = Pick<LocalInvoker, 'invoke'>;

export interface SdkSessionOptions extends Omit<EnsureSdkOptions, 'codeDir'> {
  /** Why a request's runtime SDK package stays missing and what to install instead (a server's log). */
  readonly onSdkMessage?: (message: string) => void;
}

/**
 * An invoker for a long-running local server (`start-api`, `serve`, the editor's Local API and endpoint): a request
 * whose handler imports a runtime-provided SDK package it lacks fetches it into the cache and runs again, so the
 * server works on without a restart. The user is asked once per session, not per request: the first answer holds
 * for every later fetch, and concurrent requests wait for that one answer.
 */
export class RuntimeSdkSession implements FunctionInvoker {
  private answer: Promise<boolean> | undefined;

  constructor(
    private readonly invoker: FunctionInvoker,
    private readonly options: SdkSessionOptions,
  ) {}

  async invoke(fn: LocalFunction, payload: string | Buffer, options: InvokeOptions = {}): Promise<InvocationResult> {
    const { result, sdkMessage } = await invokeWithRuntimeSdk(fn, () => this.invoker.invoke(fn, payload, options), {
      ...this.options,
      consent: (fetch) => this.consentOnce(fetch),
    });
    if (sdkMessage) this.options.onSdkMessage?.(sdkMessage);
    return result;
  }

  private consentOnce(fetch: SdkFetch): Promise<boolean> {
    this.answer ??= this.options.consent(fetch);
    return this.answer;
  }
}
