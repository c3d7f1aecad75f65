/**
 * What a resource's or a stack's CloudFormation status means for someone looking at the template: is it there,
 * being changed, broken, or not there. Status values: "StackResourceSummary" and "Stack" in the AWS CloudFormation
 * API Reference (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackResourceSummary.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Stack.html).
 */
export type DeployState = 'deployed' | 'in-progress' | 'failed' | 'not-deployed';

/** The words the explorer shows for each state. */
export const DEPLOY_STATE_LABEL: Readonly<Record<DeployState, string>> = {
  deployed: 'deployed',
  'in-progress': 'in progress',
  failed: 'failed',
  'not-deployed': 'not deployed yet',
};

/**
 * A resource's `ResourceStatus`: `*_IN_PROGRESS` is in progress, `*_FAILED` failed; `DELETE_COMPLETE` and
 * `DELETE_SKIPPED` (retained, no longer in the stack) mean the stack no longer has it; every other `*_COMPLETE`
 * (`CREATE_`, `UPDATE_`, `IMPORT_`, a rollback that restored it) means it exists as the stack last left it.
 */
export function resourceState(status: string): DeployState {
  if (status.endsWith('_IN_PROGRESS')) return 'in-progress';
  if (status.endsWith('_FAILED')) return 'failed';
  if (status === 'DELETE_COMPLETE' || status === 'DELETE_SKIPPED') return 'not-deployed';
  return 'deployed';
}

export interface StackState {
  readonly state: DeployState;
  /** What the status means when "deployed" alone would mislead. */
  readonly note?: string;
}

/**
 * A stack's `StackStatus`. `ROLLBACK_COMPLETE` is a failed first deployment: the stack holds nothing and must be
 * deleted before it can be deployed again ("Troubleshooting CloudFormation",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html). `UPDATE_ROLLBACK_COMPLETE`
 * is a stack that works as it was before its last update failed. `REVIEW_IN_PROGRESS` is a stack made for a change
 * set that was never executed: nothing is deployed.
 */
export function stackState(status: string): StackState {
  switch (status) {
    case 'ROLLBACK_COMPLETE':
      return {
        state: 'failed',
        note: 'the first deployment failed and was rolled back; delete the stack before deploying again',
      };
    case 'UPDATE_ROLLBACK_COMPLETE':
      return { state: 'deployed', note: 'the last update failed and was rolled back to the previous version' };
    case 'REVIEW_IN_PROGRESS':
      return { state: 'not-deployed', note: 'a change set was created but never executed' };
    default:
      return { state: resourceState(status) };
  }
}
