import * as vscode from 'vscode';
import { describeAwsProblem } from '../../core/aws/errors';
import type { Template } from '../../core';
import type { AwsConnection } from '../../core/cloud';
import { cloudCore } from './core';
import { problemOf } from '../aws-problems';

/** How long to wait for an invocation's REPORT line: CloudWatch Logs makes events searchable seconds later. */
const REQUEST_LOG_WAIT_MS = 30_000;
/** Searched before the invocation's start, for a clock that runs ahead of AWS's. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RemoteRequest {
  readonly template: Template;
  readonly logicalId: string;
  readonly functionName: string;
  readonly requestId: string;
  readonly target: AwsConnection;
  /** When the invocation started, by this machine's clock (ms). */
  readonly startedAt: number;
}

/**
 * After "Invoke in AWS": the request's whole log from CloudWatch Logs, START to REPORT, appended to the invocation's
 * output in place of the 4 KB tail Invoke returns. Runs in the background with a window progress; a failure is a
 * line in the output, not a dialog, since the invocation itself succeeded.
 */
export async function appendRequestLog(output: { append(line: string): void }, request: RemoteRequest): Promise<void> {
  if (!request.requestId) return;
  const core = await cloudCore();
  const group = core.functionLogGroup(request.template, request.logicalId, request.functionName);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading the log of request ${request.requestId}` },
    async () => {
      try {
        const log = await core.requestLog({
          target: request.target,
          logGroupName: group.name,
          requestId: request.requestId,
          since: request.startedAt - CLOCK_SKEW_MS,
          waitMs: REQUEST_LOG_WAIT_MS,
        });
        output.append(
          `── Full log of request ${request.requestId} (${group.name}, ${group.origin}; ${log.events.length} lines` +
            `${log.complete ? '' : `, no REPORT line within ${REQUEST_LOG_WAIT_MS / 1000} s: it may still grow`}) ──`,
        );
        for (const e of log.events) output.append(e.message.replace(/\n$/, ''));
      } catch (error) {
        const problem = problemOf(error);
        output.append(`The full log of request ${request.requestId} could not be read: ${describeAwsProblem(problem)}`);
      }
    },
  );
}
