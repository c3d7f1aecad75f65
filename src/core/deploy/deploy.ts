import { clientOptions, type AwsConnection } from '../aws/connection';
import { explainAwsError, type AwsProblem } from '../aws/errors';
import type { Span } from '../model/nodes';
import type { Template } from '../model/template';
import { BuildError } from './build';
import { createChangeSet, TEMPLATE_BODY_MAX_BYTES, type ReviewedChangeSet } from './change-set';
import type { DeployConfig } from './config';
import { packageTemplate, PackageError, type PackagedTemplate } from './package';
import { openArtifactStore } from './s3-store';
import { loadDeploySdk, type DeploySdk } from './sdk';
import { executeChangeSet, type StackEventRow } from './stack-events';
import { hashBytes } from './zip';

/**
 * How often the stack is asked for progress. CloudFormation's own console refreshes events every few seconds;
 * SAM CLI polls every 5 s, so this is quicker to show progress and still far below the API's quota.
 */
export const STACK_POLL_MS = 2000;

export interface DeployHooks {
  /** A step began ("Packaging", "Creating the change set"). */
  readonly progress: (message: string) => void;
  /** The change set to review; resolves true to execute it. Nothing is deployed without it. */
  readonly confirm: (changeSet: ReviewedChangeSet) => Promise<boolean>;
  readonly event: (event: StackEventRow) => void;
}

export interface DeployRequest {
  readonly template: Template;
  readonly config: DeployConfig;
  /** Test endpoints only; the Region and profile come from `config`. */
  readonly endpoints?: AwsConnection['endpoints'];
  readonly loadChild: (file: string) => Template | undefined;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
  readonly sdk?: DeploySdk;
}

export interface PackagingFigures {
  readonly ms: number;
  readonly uploadedBytes: number;
  readonly artifacts: PackagedTemplate['artifacts'];
  readonly bucket: string;
  readonly bucketCreated: boolean;
}

export type DeployOutcome =
  | { readonly status: 'no-changes'; readonly packaging: PackagingFigures }
  | { readonly status: 'declined'; readonly packaging: PackagingFigures; readonly changeSet: ReviewedChangeSet }
  | {
      readonly status: 'deployed' | 'failed';
      readonly packaging: PackagingFigures;
      readonly changeSet: ReviewedChangeSet;
      readonly stackStatus: string;
      readonly firstFailure?: StackEventRow;
    }
  /** Stopped before anything changed in the stack: a build, packaging or AWS error, with its place or way out. */
  | { readonly status: 'error'; readonly message: string; readonly problem?: AwsProblem; readonly span?: Span };

/**
 * `sam deploy` without SAM CLI: package and upload the artifacts, create a change set, let the user review it,
 * execute it only when confirmed and follow the stack's events to the end. Never throws: every failure is an outcome.
 */
export async function deploy(request: DeployRequest, hooks: DeployHooks): Promise<DeployOutcome> {
  const { config } = request;
  const connection: AwsConnection = {
    region: config.region,
    ...(config.profile ? { profile: config.profile } : {}),
    ...(request.endpoints ? { endpoints: request.endpoints } : {}),
  };
  let doing = 'opening the artifact bucket';
  try {
    const sdk = request.sdk ?? loadDeploySdk();
    hooks.progress('Opening the artifact bucket');
    const store = await openArtifactStore(sdk, connection, config);
    const cfn = new sdk.CloudFormationClient(clientOptions(connection, 'cloudformation', sdk.fromIni));
    try {
      doing = 'packaging and uploading artifacts';
      hooks.progress(`Packaging and uploading to s3://${store.bucket}`);
      const started = performance.now();
      const packaged = await packageTemplate(request.template, store, {
        loadChild: request.loadChild,
        ...(config.s3Prefix ? { prefix: config.s3Prefix } : {}),
      });
      const packaging: PackagingFigures = {
        ms: performance.now() - started,
        uploadedBytes: packaged.uploadedBytes,
        artifacts: packaged.artifacts,
        bucket: store.bucket,
        bucketCreated: store.created,
      };
      doing = 'creating the change set';
      hooks.progress('Creating the change set');
      const changeSet = await createChangeSet(sdk, cfn, {
        config,
        template: request.template,
        body: await templateBody(packaged.text, store, config.s3Prefix),
        pollMs: request.pollMs ?? STACK_POLL_MS,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (!changeSet) return { status: 'no-changes', packaging };
      if (!(await hooks.confirm(changeSet))) {
        doing = 'deleting the declined change set';
        await cfn.send(
          new sdk.DeleteChangeSetCommand({ ChangeSetName: changeSet.changeSetId, StackName: config.stackName }),
        );
        return { status: 'declined', packaging, changeSet };
      }
      doing = 'executing the change set';
      hooks.progress(`Deploying ${config.stackName}`);
      const result = await executeChangeSet(sdk, cfn, {
        stackName: config.stackName,
        changeSetId: changeSet.changeSetId,
        template: request.template,
        pollMs: request.pollMs ?? STACK_POLL_MS,
        onEvent: hooks.event,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      return {
        status: result.succeeded ? 'deployed' : 'failed',
        packaging,
        changeSet,
        stackStatus: result.stackStatus,
        ...(result.firstFailure ? { firstFailure: result.firstFailure } : {}),
      };
    } finally {
      cfn.destroy();
      store.dispose();
    }
  } catch (error) {
    if (error instanceof PackageError) return { status: 'error', message: error.message, span: error.span };
    if (error instanceof BuildError) return { status: 'error', message: error.message };
    const problem = explainAwsError(error, doing, connection);
    return { status: 'error', message: problem.message, problem };
  }
}

/** The packaged template inline when CloudFormation takes it so, else uploaded beside the artifacts. */
async function templateBody(text: string, store: Awaited<ReturnType<typeof openArtifactStore>>, prefix?: string) {
  if (Buffer.byteLength(text) <= TEMPLATE_BODY_MAX_BYTES) return { text };
  const { bytes, md5 } = hashBytes(Buffer.from(text, 'utf8'), 1);
  const key = `${prefix ? `${prefix}/` : ''}${md5}.template`;
  if (!(await store.has(key))) await store.put(key, bytes);
  return { url: `https://s3.${store.region}.amazonaws.com/${store.bucket}/${key}` };
}
