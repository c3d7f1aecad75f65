/**
 * API Gateway's numbers the local HTTP API reproduces, each with its source in the AWS documentation.
 */
export const API_GATEWAY_LIMITS = {
  /**
   * API Gateway developer guide, "Amazon API Gateway quotas and important notes", "Integration timeout" for REST
   * APIs: 50 milliseconds to 29 seconds; past it the client gets 504 "Endpoint request timed out".
   */
  restIntegrationTimeoutMs: 29_000,
  /**
   * API Gateway developer guide, "Quotas for configuring and running an HTTP API", "Maximum integration timeout":
   * 30 seconds, also the default of `TimeoutInMillis`; past it the client gets 503 "Service Unavailable".
   */
  httpIntegrationTimeoutMs: 30_000,
  /** API Gateway developer guide, quotas: "Payload size" 10 MB for REST and HTTP APIs. */
  payloadBytes: 10 * 1024 * 1024,
  /**
   * API Gateway developer guide, "Use API Gateway Lambda authorizers": the authorizer result TTL defaults to 300
   * seconds for REST APIs when `ReauthorizeEvery`/`resultTtlInSeconds` is not given.
   */
  defaultAuthorizerTtlSeconds: 300,
  /**
   * API Gateway developer guide, "Quotas for configuring and running a WebSocket API": "Message payload size"
   * 128 KB (a larger message closes the connection with 1009), also the most `PostToConnection` sends.
   */
  webSocketMessageBytes: 128 * 1024,
  /** The same page: "Integration timeout" 50 milliseconds to 29 seconds for every integration type. */
  webSocketIntegrationTimeoutMs: 29_000,
} as const;

/**
 * How long the local server waits for a client: a request whose headers are not complete within this time, or
 * whose body is not complete within the request timeout, is closed (Node's `headersTimeout`/`requestTimeout`).
 * Not an AWS number: API Gateway's own front end is not documented; these keep half-sent requests from holding
 * a socket on a developer's machine.
 */
export const LOCAL_SERVER_TIMEOUTS = {
  headersMs: 10_000,
  requestMs: 60_000,
  keepAliveMs: 5_000,
} as const;
