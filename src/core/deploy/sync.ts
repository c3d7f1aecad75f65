import { clientOptions, type AwsConnection } from '../aws/connection';
import { explainAwsError, type AwsProblem } from '../aws/errors';
import type { Template } from '../model/template';
import { localArtifacts } from './artifacts';
import { BuildError } from './build';
import { zipLocalCode } from './package';
import { loadDeploySdk, type DeploySdk } from './sdk';
import { templateChange } from './template-drift';

/**
 * The largest zip UpdateFunctionCode takes in the request itself; larger code goes through S3, i.e. a deploy
 * (Lambda quotas, "Deployment package (.zip file archive) size: 50 MB (zipped, when uploading through the Lambda
 * API)", https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 */
export const DIRECT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
/** How long to wait for LastUpdateStatus to leave InProgress; Lambda takes seconds, minutes for big VPC functions. */
export const FUNCTION_UPDATE_MAX_WAIT_S = 300;

export interface SyncRequest {
  readonly template: Template;
  readonly logicalId: string;
  readonly connection: AwsConnection;
  /** To find the function's physical name when the template does not fix FunctionName. */
  readonly stackName?: string;
  readonly sdk?: DeploySdk;
}

export type SyncOutcome =
  | { readonly status: 'unchanged'; readonly functionName: string }
  | {
      readonly status: 'updated';
      readonly functionName: string;
      readonly bytes: number;
      /** From the UpdateFunctionCode call to LastUpdateStatus Successful. */
      readonly updateMs: number;
    }
  | {
      readonly status: 'error';
      readonly message: string;
      readonly problem?: AwsProblem;
      /** The template changed since the deploy, so only a deploy brings the stack up to date. */
      readonly deployInstead?: boolean;
    };

/**
 * `sam sync --code` for one function: the same reproducible zip as a deploy, sent with UpdateFunctionCode when its
 * SHA-256 differs from the deployed CodeSha256, then waits for LastUpdateStatus Successful. It bypasses
 * CloudFormation: the stack still records the old code until the next deploy.
 */
export async function syncFunctionCode(request: SyncRequest): Promise<SyncOutcome> {
  const { template, logicalId, connection } = request;
  const artifact = localArtifacts(template).find((a) => a.kind === 'zip' && a.logicalIds.includes(logicalId));
  if (!artifact) return { status: 'error', message: `${logicalId} has no local code (CodeUri or Code) to sync.` };
  let doing = `finding the deployed ${logicalId}`;
  try {
    const sdk = request.sdk ?? loadDeploySdk();
    const functionName = await deployedName(sdk, request);
    doing = `reading the deployed template of stack ${request.stackName}`;
    const changed = await deployedTemplateChange(sdk, request);
    if (changed)
      return {
        status: 'error',
        message: `The template changed since the last deploy (${changed}): deploy instead of syncing code.`,
        deployInstead: true,
      };
    doing = `zipping ${logicalId}'s code`;
    const code = await zipLocalCode(template, logicalId, artifact.path);
    if (code.bytes.length > DIRECT_UPLOAD_MAX_BYTES)
      return {
        status: 'error',
        message:
          `${logicalId}'s zip is ${code.bytes.length} bytes, over the ${DIRECT_UPLOAD_MAX_BYTES} bytes Lambda ` +
          `takes directly: deploy instead.`,
      };
    const lambda = new sdk.LambdaClient(clientOptions(connection, 'lambda', sdk.fromIni));
    try {
      doing = `reading ${functionName}`;
      const current = await lambda.send(new sdk.GetFunctionCommand({ FunctionName: functionName }));
      if (current.Configuration?.CodeSha256 === code.sha256) return { status: 'unchanged', functionName };
      doing = `updating ${functionName}'s code`;
      const started = performance.now();
      await lambda.send(new sdk.UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: code.bytes }));
      const waited = await sdk.waitUntilFunctionUpdatedV2(
        { client: lambda, maxWaitTime: FUNCTION_UPDATE_MAX_WAIT_S, minDelay: 1 },
        { FunctionName: functionName },
      );
      if (waited.state !== 'SUCCESS') {
        const after = await lambda.send(new sdk.GetFunctionCommand({ FunctionName: functionName }));
        const reason = after.Configuration?.LastUpdateStatusReason ?? waited.reason ?? waited.state;
        return { status: 'error', message: `Lambda did not finish updating ${functionName}: ${String(reason)}` };
      }
      return { status: 'updated', functionName, bytes: code.bytes.length, updateMs: performance.now() - started };
    } finally {
      lambda.destroy();
    }
  } catch (error) {
    if (error instanceof BuildError) return { status: 'error', message: error.message };
    const problem = explainAwsError(error, doing, connection);
    return { status: 'error', message: problem.message, problem };
  }
}

/**
 * What in the local template differs from the stack's beyond the function's code; nothing is checked without a
 * stack name, as no stack says what was deployed. The stack's template is read as submitted, not as transformed
 * ("GetTemplate", TemplateStage Original,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html).
 */
async function deployedTemplateChange(sdk: DeploySdk, request: SyncRequest): Promise<string | undefined> {
  if (!request.stackName) return undefined;
  const cfn = new sdk.CloudFormationClient(clientOptions(request.connection, 'cloudformation', sdk.fromIni));
  try {
    const out = await cfn.send(new sdk.GetTemplateCommand({ StackName: request.stackName, TemplateStage: 'Original' }));
    return out.TemplateBody === undefined
      ? undefined
      : templateChange(request.template, out.TemplateBody, request.logicalId);
  } finally {
    cfn.destroy();
  }
}

/** FunctionName as the template fixes it, else the physical ID of the logical ID in the stack. */
async function deployedName(sdk: DeploySdk, request: SyncRequest): Promise<string> {
  const view = request.template.functions.find((f) => f.logicalId === request.logicalId);
  const written = view?.functionName?.value;
  if (written) return written;
  if (!request.stackName)
    throw new Error(`${request.logicalId} has no fixed FunctionName and no stack name says which function it is.`);
  const cfn = new sdk.CloudFormationClient(clientOptions(request.connection, 'cloudformation', sdk.fromIni));
  try {
    const out = await cfn.send(
      new sdk.DescribeStackResourceCommand({ StackName: request.stackName, LogicalResourceId: request.logicalId }),
    );
    const physical = out.StackResourceDetail?.PhysicalResourceId;
    if (!physical) throw new Error(`Stack ${request.stackName} has no ${request.logicalId} yet: deploy it first.`);
    return physical;
  } finally {
    cfn.destroy();
  }
}
