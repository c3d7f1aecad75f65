import type { CloudTarget } from './clients';

export type AwsProblemKind =
  'expired-credentials' | 'no-credentials' | 'access-denied' | 'throttled' | 'network' | 'cancelled' | 'other';

/** An AWS call's failure in words a user can act on; `action` is the denied IAM action when AWS names it. */
export interface AwsProblem {
  readonly kind: AwsProblemKind;
  readonly message: string;
  readonly remedy: string;
  readonly action?: string;
}

interface SdkError {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Error codes of expired or refused credentials ("Common Errors" of the AWS APIs,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html), throttling (the SDK's
 * own list, which it retries with backoff before we see it) and network failures (Node's socket errors).
 */
const EXPIRED =
  /^(ExpiredToken(Exception)?|RequestExpired|TokenRefreshRequired|InvalidClientTokenId|UnrecognizedClientException|InvalidSignatureException|SignatureDoesNotMatch)$/;
const DENIED = /^(AccessDenied(Exception)?|UnauthorizedOperation|AuthorizationError)$/;
const THROTTLED = /^(Throttling(Exception)?|ThrottledException|TooManyRequestsException|RequestLimitExceeded)$/;
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|TimeoutError)$/;

/**
 * Says what went wrong with a call to AWS and what to do. The denied action is read from AWS's own message
 * ("User: arn:... is not authorized to perform: logs:FilterLogEvents on resource: ..."); no credential is ever
 * part of a message.
 */
export function explainAwsError(error: unknown, target: CloudTarget, what: string): AwsProblem {
  const e = (error ?? {}) as SdkError;
  const code = e.name ?? e.code ?? '';
  const text = e.message ?? String(error);
  const who = target.profile ? `profile "${target.profile}"` : 'the default credential chain';
  if (code === 'AbortError') return { kind: 'cancelled', message: `${what}: cancelled.`, remedy: '' };
  if (EXPIRED.test(code) || /expired|sso session/i.test(text)) {
    return {
      kind: 'expired-credentials',
      message: `${what}: the credentials of ${who} are expired or invalid (${code || text}).`,
      remedy: target.profile
        ? `Refresh them (for SSO: aws sso login --profile ${target.profile}) or pick another profile.`
        : 'Refresh them (aws sso login, or new access keys) or pick a profile.',
    };
  }
  if (code === 'CredentialsProviderError' || /could not load credentials/i.test(text)) {
    return {
      kind: 'no-credentials',
      message: `${what}: no AWS credentials found for ${who}.`,
      remedy: 'Pick a profile from ~/.aws/config, or configure credentials (aws configure).',
    };
  }
  if (DENIED.test(code) || e.$metadata?.httpStatusCode === 403) {
    const action = /not authorized to perform:?\s+([\w-]+:[\w*]+)/i.exec(text)?.[1];
    return {
      kind: 'access-denied',
      message: `${what}: access denied${action ? ` for ${action}` : ''} (${who}, ${target.region}).`,
      remedy: action
        ? `Allow ${action} to this identity in IAM, or pick a profile that has it.`
        : `Allow the call in IAM, or pick a profile that has it. AWS said: ${text}`,
      ...(action ? { action } : {}),
    };
  }
  if (THROTTLED.test(code)) {
    return {
      kind: 'throttled',
      message: `${what}: AWS is throttling the requests (${code}), even after retrying with backoff.`,
      remedy: 'Wait a moment and retry.',
    };
  }
  const errno = (error as { code?: string })?.code ?? code;
  if (NETWORK.test(errno) || NETWORK.test(code) || /socket hang up|getaddrinfo|connect /i.test(text)) {
    return {
      kind: 'network',
      message: `${what}: cannot reach AWS in ${target.region} (${errno || text}).`,
      remedy: 'Check the network, proxy or VPN and the Region, then retry.',
    };
  }
  return { kind: 'other', message: `${what}: ${code ? `${code}: ` : ''}${text}`, remedy: '' };
}

/** An error whose message is the explained problem, for adapters that only show `error.message`. */
export class AwsCallError extends Error {
  constructor(readonly problem: AwsProblem) {
    super(problem.remedy ? `${problem.message} ${problem.remedy}` : problem.message);
    this.name = 'AwsCallError';
  }
}
