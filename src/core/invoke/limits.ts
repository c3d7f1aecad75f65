/**
 * Lambda's numbers the local invoker reproduces, each with its source in the AWS documentation (Lambda developer
 * guide, "Lambda quotas" and "Using the Lambda runtime API").
 */
export const LAMBDA_LIMITS = {
  /** Lambda developer guide, "Lambda quotas", "Invocation payload, synchronous": 6 MB for request and for response. */
  syncPayloadBytes: 6 * 1024 * 1024,
  /**
   * What a function may return synchronously: 100 bytes above the request limit, the figure Lambda names in its
   * `Function.ResponseSizeTooLarge` error ("Response payload size exceeded maximum allowed payload size
   * (6291556 bytes).", Lambda developer guide, "Troubleshoot invocation issues in Lambda").
   */
  responsePayloadBytes: 6_291_556,
  /** Lambda developer guide, "Lambda quotas", "Invocation payload, asynchronous": 1 MB (since Oct 2025). */
  asyncPayloadBytes: 1024 * 1024,
  /** Lambda developer guide, "Lambda quotas", "INIT phase": on-demand init is limited to 10 s. */
  initTimeoutMs: 10_000,
  /** Lambda API reference, "Invoke": `X-Amz-Log-Result` carries the last 4 KB of the log. */
  logTailBytes: 4 * 1024,
  /** Lambda API reference, "Invoke", ClientContext: up to 3,583 bytes of base64-encoded data. */
  clientContextBytes: 3583,
  /** Lambda developer guide, "Lambda quotas", "Timeout": 1–900 s for ordinary functions. */
  maxTimeoutSeconds: 900,
} as const;

/** Lambda API reference, "Invoke" (`X-Amz-Executed-Version`): the version every unpublished invocation runs. */
export const LATEST_VERSION = '$LATEST';

/** Placeholder account for ARNs built locally: AWS's documentation account, never a real one. */
export const LOCAL_ACCOUNT_ID = '123456789012';
