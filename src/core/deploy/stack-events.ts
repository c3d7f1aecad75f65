import type { CloudFormationClient, StackEvent } from '@aws-sdk/client-cloudformation';
import type { Template } from '../model/template';
import { sleep, spanOf, type ChangeRow } from './change-set';
import type { DeploySdk } from './sdk';

/** A stack event as the output shows it, with the resource's place in the template when it has one. */
export interface StackEventRow {
  readonly timestamp: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason?: string;
  readonly span?: ChangeRow['span'];
}

export interface ExecutionResult {
  readonly stackStatus: string;
  readonly succeeded: boolean;
  /** The first resource that failed, whose reason is the cause; later ones are usually "cancelled". */
  readonly firstFailure?: StackEventRow;
}

/**
 * Where a stack operation ends (Stack status codes,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html): the two successes, and
 * every status after which nothing more happens without a new operation (a stack's CREATE_FAILED or UPDATE_FAILED
 * is followed by its rollback, whose end is the end).
 */
const SUCCEEDED = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
const ENDED = new Set([
  ...SUCCEEDED,
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_FAILED',
  'DELETE_COMPLETE',
  'DELETE_FAILED',
]);
/** Resources CloudFormation stops because another one failed: their reason is not the cause. */
const CANCELLED = /cancelled/i;

/** The IDs of the events the stack already has, so only the new operation's events are shown. */
export async function seenEventIds(sdk: DeploySdk, cfn: CloudFormationClient, stackName: string): Promise<Set<string>> {
  try {
    const out = await cfn.send(new sdk.DescribeStackEventsCommand({ StackName: stackName }));
    return new Set((out.StackEvents ?? []).map((e) => e.EventId ?? ''));
  } catch {
    return new Set();
  }
}

/**
 * Executes the reviewed change set and follows the stack's events (DescribeStackEvents, newest first) until the
 * stack reaches a final status, handing each new event to `onEvent` in the order it happened.
 */
export async function executeChangeSet(
  sdk: DeploySdk,
  cfn: CloudFormationClient,
  options: {
    readonly stackName: string;
    readonly changeSetId: string;
    readonly template: Template;
    readonly pollMs: number;
    readonly onEvent: (event: StackEventRow) => void;
    readonly signal?: AbortSignal;
  },
): Promise<ExecutionResult> {
  const { stackName } = options;
  const seen = await seenEventIds(sdk, cfn, stackName);
  await cfn.send(new sdk.ExecuteChangeSetCommand({ ChangeSetName: options.changeSetId, StackName: stackName }));
  let firstFailure: StackEventRow | undefined;
  for (;;) {
    await sleep(options.pollMs, options.signal);
    const out = await cfn.send(new sdk.DescribeStackEventsCommand({ StackName: stackName }));
    const fresh = (out.StackEvents ?? []).filter((e) => !seen.has(e.EventId ?? '')).reverse();
    let ended: string | undefined;
    for (const event of fresh) {
      seen.add(event.EventId ?? '');
      const row = rowOf(options.template, event, stackName);
      options.onEvent(row);
      if (
        !firstFailure &&
        row.status.endsWith('_FAILED') &&
        row.logicalId !== stackName &&
        !CANCELLED.test(row.reason ?? '')
      )
        firstFailure = row;
      if (event.LogicalResourceId === stackName && ENDED.has(row.status)) ended = row.status;
    }
    if (ended)
      return { stackStatus: ended, succeeded: SUCCEEDED.has(ended), ...(firstFailure ? { firstFailure } : {}) };
  }
}

function rowOf(template: Template, event: StackEvent, stackName: string): StackEventRow {
  const logicalId = event.LogicalResourceId ?? '';
  return {
    timestamp: event.Timestamp ? new Date(event.Timestamp).toISOString() : '',
    logicalId,
    resourceType: event.ResourceType ?? '',
    status: event.ResourceStatus ?? '',
    ...(event.ResourceStatusReason ? { reason: event.ResourceStatusReason } : {}),
    ...(logicalId === stackName ? {} : spanOf(template, logicalId)),
  };
}
