import type { AwsConnection } from './connection';

/** What kind of failure an AWS call met, so every adapter words it and offers the same way out. */
export type AwsProblemKind =
  'expired-credentials' | 'no-credentials' | 'access-denied' | 'throttled' | 'network' | 'cancelled' | 'other';

export interface AwsProblem {
  readonly kind: AwsProblemKind;
  /** A sentence for the user: what failed and why. No credential is ever part of it. */
  readonly message: string;
  /** What to do about it, in words (the editor also turns `kind` into a button). */
  readonly action?: string;
  /** For access denied: the IAM action AWS named in its message (`cloudformation:CreateChangeSet`). */
  readonly deniedAction?: string;
}

interface SdkError {
  readonly name?: string;
  /** The Query protocol's error code (STS, older CloudFormation responses). */
  readonly Code?: string;
  /** Node's socket error code (`ECONNREFUSED`), on the error or on its cause. */
  readonly code?: string;
  readonly cause?: { readonly code?: string };
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Error codes of credentials that are expired or refused: expired session tokens, unknown keys and signatures AWS
 * refuses (Common Errors, https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html;
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html).
 */
const EXPIRED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);
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
/** Node's socket errors and the SDK's own timeout. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
]);
const HTTP_FORBIDDEN = 403;

/** "is not authorized to perform: service:Action", as IAM words a denial in every service's message. */
const DENIED_ACTION = /not authorized to perform:?\s+([\w-]+:[\w*]+)/i;

/**
 * Turns an error from an SDK call into a problem with a way out. `doing` says what was being done ("reading stack
 * orders"), `connection` where and as whom, so the message names the profile and Region and the action the command
 * that fixes it.
 */
export function explainAwsError(
  error: unknown,
  doing: string,
  connection: Pick<AwsConnection, 'region' | 'profile'>,
): AwsProblem {
  const e = (error ?? {}) as SdkError;
  const name = e.Code ?? e.name ?? '';
  const errno = e.code ?? e.cause?.code ?? '';
  const detail = e.message ?? String(error);
  const what = `${doing[0].toUpperCase()}${doing.slice(1)}`;
  const { profile, region } = connection;
  const who = profile ? `profile "${profile}"` : 'the default credential chain';
  if (name === 'AbortError') return { kind: 'cancelled', message: `${what}: cancelled.` };
  if (EXPIRED.has(name) || /expired|sso session/i.test(detail))
    return {
      kind: 'expired-credentials',
      message: `${what}: the credentials of ${who} are expired or invalid (${name || detail}).`,
      action: profile
        ? `Refresh them (for SSO: aws sso login --profile ${profile}) or pick another profile.`
        : 'Refresh them (aws sso login, or new access keys) or pick a profile.',
    };
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(detail))
    return {
      kind: 'no-credentials',
      message: `${what}: no AWS credentials found for ${who}.`,
      action: 'Pick a profile from ~/.aws/config, or configure credentials (aws configure).',
    };
  const denied = DENIED_ACTION.exec(detail)?.[1];
  if (DENIED.has(name) || denied || e.$metadata?.httpStatusCode === HTTP_FORBIDDEN)
    return {
      kind: 'access-denied',
      message: `${what}: access denied${denied ? ` for ${denied}` : ''} (${who}, ${region}).`,
      action: denied
        ? `Allow ${denied} to this identity in IAM, or pick a profile that has it.`
        : `Allow the call in IAM, or pick a profile that has it. AWS said: ${detail}`,
      ...(denied ? { deniedAction: denied } : {}),
    };
  if (THROTTLED.has(name))
    return {
      kind: 'throttled',
      message: `${what}: AWS is throttling the requests (${name}), even after retrying with backoff.`,
      action: 'Wait a moment and retry; other deployments in the account may be using the API quota.',
    };
  if (NETWORK.has(errno) || NETWORK.has(name) || /socket hang up|getaddrinfo|connect /i.test(detail))
    return {
      kind: 'network',
      message: `${what}: cannot reach AWS in ${region} (${errno || name || detail}).`,
      action: 'Check the network, proxy or VPN and the Region, then retry.',
    };
  const code = name && name !== 'Error' ? `${name}: ` : '';
  return { kind: 'other', message: `${what}: ${code}${detail}` };
}

/** The problem in one paragraph: what failed, then what to do. */
export function describeAwsProblem(problem: AwsProblem): string {
  return problem.action ? `${problem.message} ${problem.action}` : problem.message;
}

/** An error whose message is the explained problem, for adapters that only show `error.message`. */
export class AwsCallError extends Error {
  constructor(readonly problem: AwsProblem) {
    super(describeAwsProblem(problem));
    this.name = 'AwsCallError';
  }
}
