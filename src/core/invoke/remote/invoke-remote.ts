import type { FunctionView, Template } from '../../model/template';
import { invocationCostUsd } from '../cost';
import { LAMBDA_LIMITS } from '../limits';
import { parseReportLine } from '../report';
import type { UsedSetting } from '../local-settings';
import type { InvocationResult } from '../types';
import { clientOptions } from '../../aws/connection';
import { loadAwsSdk } from '../../aws/lazy-sdk';
import { deployedFunctionName, type NameLookup } from './deployed-name';

export interface RemoteInvocation extends NameLookup {
  readonly template: Template;
  readonly view: FunctionView;
  readonly payload: string;
  readonly signal?: AbortSignal;
}

export interface RemoteResult extends InvocationResult {
  readonly functionName: string;
  /** The deployed name with where it came from (the template's FunctionName, a setting, the stack). */
  readonly settings: { readonly functionName: UsedSetting<string> };
}

/**
 * Invokes the deployed function through the Lambda API (`Invoke`, `LogType: Tail`) and reads the figures from
 * the REPORT line of the returned log tail. Credentials come from the SDK's default chain or the named
 * profile; they are never logged or stored.
 */
export async function invokeRemote(request: RemoteInvocation): Promise<RemoteResult> {
  const size = Buffer.byteLength(request.payload);
  if (size > LAMBDA_LIMITS.syncPayloadBytes) {
    throw new Error(
      `The event is ${size} bytes; Lambda accepts at most ${LAMBDA_LIMITS.syncPayloadBytes} bytes for a ` +
        `synchronous invocation.`,
    );
  }
  const sdk = loadAwsSdk();
  const name = await deployedFunctionName(sdk, request.template, request.view, request);
  const functionName = name.value;
  const lambda = new sdk.LambdaClient(clientOptions(request, 'lambda', sdk.fromIni));
  const started = performance.now();
  try {
    const out = await lambda.send(
      new sdk.InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(request.payload), LogType: 'Tail' }),
      { abortSignal: request.signal },
    );
    const logs = out.LogResult ? Buffer.from(out.LogResult, 'base64').toString('utf8') : '';
    const payload = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
    const report = parseReportLine(logs);
    const memorySizeMb = report?.memorySizeMb || request.view.memorySize.value || 128;
    const billed = report?.billedDurationMs ?? 0;
    return {
      functionName,
      settings: { functionName: name },
      requestId: report?.requestId ?? '',
      payload,
      functionError: out.FunctionError ? errorOf(payload, out.FunctionError) : undefined,
      logs,
      durationMs: report?.durationMs ?? 0,
      billedDurationMs: billed,
      memorySizeMb,
      maxMemoryUsedMb: report?.maxMemoryUsedMb,
      initDurationMs: report?.initDurationMs,
      cold: report?.initDurationMs !== undefined,
      costUsd: invocationCostUsd(billed, memorySizeMb, request.view.architecture.value ?? 'x86_64', request.region),
      timedOut: /Task timed out after/.test(logs),
      totalMs: performance.now() - started,
    };
  } finally {
    lambda.destroy();
  }
}

function errorOf(payload: string, kind: string): { errorType: string; errorMessage: string } {
  try {
    const parsed = JSON.parse(payload) as { errorType?: string; errorMessage?: string };
    return { errorType: parsed.errorType ?? kind, errorMessage: parsed.errorMessage ?? '' };
  } catch {
    return { errorType: kind, errorMessage: payload };
  }
}
