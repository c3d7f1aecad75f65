import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { Span } from '../model/nodes';
import { resourceOfDeployedId } from '../model/deployed-ids';
import type { Template } from '../model/template';
import type { DeployConfig } from './config';
import type { DeploySdk } from './sdk';

export type StackMode = 'CREATE' | 'UPDATE';

/** One row of the change set as a user reviews it. */
export interface ChangeRow {
  readonly action: string;
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly resourceType: string;
  /** `True`, `False` or `Conditional` for modifications: whether CloudFormation replaces the resource. */
  readonly replacement?: string;
  /** Which of the resource's attributes change: `Properties`, `Tags`, `Metadata`, ... */
  readonly scope: readonly string[];
  /** Each change CloudFormation details: the attribute, the property's name, whether it forces recreation. */
  readonly details: readonly ChangeDetail[];
  /** Where the resource is in the template (the written entry, or what generates it); none for removals. */
  readonly span?: Span;
}

/**
 * One entry of ResourceChange.Details, from its Target
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceTargetDefinition.html).
 */
export interface ChangeDetail {
  /** `Properties`, `Tags`, `Metadata`, `UpdatePolicy`, ... */
  readonly attribute: string;
  /** The property's name, for `Properties`. */
  readonly name?: string;
  /** `Always`, `Conditionally` or `Never`. */
  readonly requiresRecreation?: string;
}

export interface ReviewedChangeSet {
  readonly stackName: string;
  readonly changeSetId: string;
  readonly mode: StackMode;
  readonly rows: readonly ChangeRow[];
}

/**
 * Templates up to this size go in the request; larger ones must be uploaded and passed by URL (TemplateBody,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html).
 */
export const TEMPLATE_BODY_MAX_BYTES = 51_200;

/**
 * Stack statuses in which a stack exists only as the placeholder of an unexecuted change set, so the next change set
 * is still a CREATE (Stack status codes, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html).
 */
const NOT_YET_CREATED = new Set(['REVIEW_IN_PROGRESS']);

/** The message CloudFormation gives a change set with nothing to do (its StatusReason when FAILED). */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

/** CREATE when DescribeStacks says the stack does not exist (ValidationError) or was never executed. */
export async function stackMode(sdk: DeploySdk, cfn: CloudFormationClient, stackName: string): Promise<StackMode> {
  try {
    const out = await cfn.send(new sdk.DescribeStacksCommand({ StackName: stackName }));
    const status = out.Stacks?.[0]?.StackStatus ?? '';
    return NOT_YET_CREATED.has(status) ? 'CREATE' : 'UPDATE';
  } catch (error) {
    if (/does not exist/.test((error as Error).message ?? '')) return 'CREATE';
    throw error;
  }
}

export interface ChangeSetRequest {
  readonly config: DeployConfig;
  readonly template: Template;
  /** The packaged template: its text when small enough, else the URL of its uploaded copy. */
  readonly body: { readonly text: string } | { readonly url: string };
  /** Between DescribeChangeSet calls while CloudFormation computes the changes. */
  readonly pollMs: number;
  readonly signal?: AbortSignal;
}

/** The change set, computed and described; undefined when there is nothing to change. */
export async function createChangeSet(
  sdk: DeploySdk,
  cfn: CloudFormationClient,
  request: ChangeSetRequest,
): Promise<ReviewedChangeSet | undefined> {
  const { config } = request;
  const mode = await stackMode(sdk, cfn, config.stackName);
  const created = await cfn.send(
    new sdk.CreateChangeSetCommand({
      StackName: config.stackName,
      ChangeSetName: `serverless-workbench-${Date.now()}`,
      ChangeSetType: mode,
      ...('text' in request.body ? { TemplateBody: request.body.text } : { TemplateURL: request.body.url }),
      Capabilities: config.capabilities as never,
      Parameters: Object.entries(config.parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
      Tags: Object.entries(config.tags).map(([Key, Value]) => ({ Key, Value })),
      Description: 'Created by Serverless Workbench',
    }),
  );
  const changeSetId = created.Id!;
  const changes = [];
  for (;;) {
    const out = await cfn.send(
      new sdk.DescribeChangeSetCommand({ ChangeSetName: changeSetId, StackName: config.stackName }),
    );
    if (out.Status === 'FAILED') {
      if (NO_CHANGES.test(out.StatusReason ?? '')) return undefined;
      throw new Error(`CloudFormation could not create the change set: ${out.StatusReason ?? 'no reason given'}`);
    }
    if (out.Status === 'CREATE_COMPLETE') {
      changes.push(...(out.Changes ?? []));
      let next = out.NextToken;
      while (next) {
        const page = await cfn.send(
          new sdk.DescribeChangeSetCommand({
            ChangeSetName: changeSetId,
            StackName: config.stackName,
            NextToken: next,
          }),
        );
        changes.push(...(page.Changes ?? []));
        next = page.NextToken;
      }
      break;
    }
    await sleep(request.pollMs, request.signal);
  }
  const rows = changes.flatMap((change) => {
    const rc = change.ResourceChange;
    if (!rc?.LogicalResourceId) return [];
    const row: ChangeRow = {
      action: rc.Action ?? 'Dynamic',
      logicalId: rc.LogicalResourceId,
      resourceType: rc.ResourceType ?? '',
      ...(rc.PhysicalResourceId ? { physicalId: rc.PhysicalResourceId } : {}),
      ...(rc.Replacement ? { replacement: rc.Replacement } : {}),
      scope: rc.Scope ?? [],
      details: (rc.Details ?? []).flatMap((d) =>
        d.Target?.Attribute
          ? [
              {
                attribute: d.Target.Attribute,
                ...(d.Target.Name ? { name: d.Target.Name } : {}),
                ...(d.Target.RequiresRecreation ? { requiresRecreation: d.Target.RequiresRecreation } : {}),
              },
            ]
          : [],
      ),
      ...spanOf(request.template, rc.LogicalResourceId),
    };
    return [row];
  });
  return { stackName: config.stackName, changeSetId, mode, rows };
}

/** The written resource, or the SAM resource deployed under that ID, or what generates it. */
export function spanOf(template: Template, logicalId: string): { span?: Span } {
  const resource = resourceOfDeployedId(template, logicalId);
  return resource ? { span: resource.span } : {};
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('Cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('Cancelled.'));
    });
  });
}
