/**
 * Lambda's numbers the local invoker reproduces, each with its source (../shared/docs/aws-facts.md and
 * lambda-protocols.md, which cite the AWS documentation and API models).
 */
export const LAMBDA_LIMITS = {
  /** aws-facts.md §A "Invocation payload, synchronous": 6 MB for request and for response. */
  syncPayloadBytes: 6 * 1024 * 1024,
  /** aws-facts.md §A "Invocation payload, asynchronous": 1 MB (since Oct 2025). */
  asyncPayloadBytes: 1024 * 1024,
  /** aws-facts.md §A "INIT phase": on-demand init is limited to 10 s. */
  initTimeoutMs: 10_000,
  /** lambda-protocols.md, Invoke API: `X-Amz-Log-Result` carries the last 4 KB of the log. */
  logTailBytes: 4 * 1024,
  /** aws-facts.md §A "Timeout": 1–900 s for ordinary functions. */
  maxTimeoutSeconds: 900,
} as const;

/** lambda-protocols.md: the version every unpublished invocation runs. */
export const LATEST_VERSION = '$LATEST';

/** Placeholder account for ARNs built locally: AWS's documentation account, never a real one. */
export const LOCAL_ACCOUNT_ID = '123456789012';
