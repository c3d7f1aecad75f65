/** What kind of failure an AWS call met, so every adapter words it and offers the same way out. */
export type AwsProblemKind =
  'expired-credentials' | 'no-credentials' | 'access-denied' | 'throttled' | 'network' | 'other';

export interface AwsProblem {
  readonly kind: AwsProblemKind;
  /** A sentence for the user: what failed and why. */
  readonly message: string;
  /** What to do about it, in words (the editor also turns `kind` into a button). */
  readonly action?: string;
  /** For access denied: the IAM action AWS named in its message (`cloudformation:CreateChangeSet`). */
  readonly deniedAction?: string;
}

/**
 * Error codes for credentials that are no longer valid: expired session tokens (STS, most services), and signatures
 * AWS refuses as too old (Common Errors, https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html;
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html).
 */
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const INVALID_KEYS = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);
/** Throttling codes the SDK retries with backoff (`@smithy/service-error-classification` THROTTLING_ERROR_CODES). */
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'SlowDown',
  'RequestLimitExceeded',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);

/** "is not authorized to perform: service:Action" as IAM words a denial in every service's message. */
const DENIED_ACTION = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/;

/**
 * Turns an error from an SDK call into a problem with a way out. `doing` says what was being done ("creating the
 * change set"), `profile` the profile in use, so the action names the command that fixes it.
 */
export function explainAwsError(error: unknown, doing: string, profile?: string): AwsProblem {
  const e = error as { name?: string; code?: string; message?: string; Code?: string; $metadata?: object };
  const name = e?.Code ?? e?.name ?? '';
  const code = e?.code ?? (e as { cause?: { code?: string } })?.cause?.code ?? '';
  const detail = e?.message ?? String(error);
  const profileFlag = profile ? ` --profile ${profile}` : '';
  if (EXPIRED.has(name))
    return {
      kind: 'expired-credentials',
      message: `AWS refused ${doing}: the credentials${profile ? ` of profile ${profile}` : ''} have expired.`,
      action: `Sign in again (aws sso login${profileFlag}, or refresh the session token) and retry.`,
    };
  if (INVALID_KEYS.has(name))
    return {
      kind: 'expired-credentials',
      message: `AWS refused ${doing}: the access key is not valid (${detail}).`,
      action: `Check the credentials${profile ? ` of profile ${profile}` : ''}, or choose another profile.`,
    };
  if (name === 'CredentialsProviderError' || /Could not load credentials/.test(detail))
    return {
      kind: 'no-credentials',
      message: `No AWS credentials for ${doing}: ${detail}`,
      action: `Configure a profile (aws configure${profileFlag}) or choose one that exists.`,
    };
  const denied = DENIED_ACTION.exec(detail)?.[1];
  if (DENIED.has(name) || denied)
    return {
      kind: 'access-denied',
      message: `Access denied while ${doing}${denied ? `: ${denied} is not allowed` : ''}. ${detail}`,
      action: denied
        ? `Grant ${denied} to the identity you deploy with, or use a profile that has it.`
        : `Use a profile with permission for ${doing}.`,
      ...(denied ? { deniedAction: denied } : {}),
    };
  if (THROTTLED.has(name))
    return {
      kind: 'throttled',
      message: `AWS throttled ${doing} and the SDK's retries with backoff did not get through: ${detail}`,
      action: 'Wait a minute and retry; other deployments in the account may be using the API quota.',
    };
  if (NETWORK.has(code) || NETWORK.has(name) || name === 'TimeoutError')
    return {
      kind: 'network',
      message: `Cannot reach AWS while ${doing} (${code || name}): ${detail}`,
      action: 'Check the network connection, proxy and Region, then retry.',
    };
  return { kind: 'other', message: `${doing[0].toUpperCase()}${doing.slice(1)} failed: ${detail}` };
}
