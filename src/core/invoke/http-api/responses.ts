import { matchesMediaType } from './request';
import type { ApiKind, PayloadFormat } from './types';

/** What goes back to the client. */
export interface HttpAnswer {
  readonly status: number;
  /** In order; a name may repeat (`Set-Cookie`). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

export type MappedResponse =
  { readonly ok: true; readonly answer: HttpAnswer } | { readonly ok: false; readonly reason: string };

const JSON_TYPE = 'application/json';

/** API Gateway's own answers, word for word as it sends them. */
export const GATEWAY_ANSWERS = {
  restMissingRoute: { status: 403, message: 'Missing Authentication Token' },
  httpMissingRoute: { status: 404, message: 'Not Found' },
  restIntegrationError: { status: 502, message: 'Internal server error' },
  httpIntegrationError: { status: 500, message: 'Internal Server Error' },
  restTimeout: { status: 504, message: 'Endpoint request timed out' },
  httpTimeout: { status: 503, message: 'Service Unavailable' },
  unauthorized: { status: 401, message: 'Unauthorized' },
  forbidden: { status: 403, message: 'Forbidden' },
  explicitDeny: { status: 403, message: 'User is not authorized to access this resource with an explicit deny' },
  restDenied: { status: 403, message: 'User is not authorized to access this resource' },
  tooLarge: { status: 413, message: 'Request Too Long' },
} as const;

export function gatewayAnswer(
  answer: { status: number; message: string },
  extra: Record<string, string> = {},
): HttpAnswer {
  return {
    status: answer.status,
    headers: [['Content-Type', JSON_TYPE], ...Object.entries(extra)],
    body: Buffer.from(JSON.stringify({ message: answer.message })),
  };
}

/** The answer to a failed integration: the function threw, timed out, or its response could not be mapped. */
export function integrationError(kind: ApiKind): HttpAnswer {
  if (kind === 'url')
    return { status: 502, headers: [['Content-Type', 'text/plain']], body: Buffer.from('Internal Server Error') };
  return gatewayAnswer(kind === 'rest' ? GATEWAY_ANSWERS.restIntegrationError : GATEWAY_ANSWERS.httpIntegrationError);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statusOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** A header value as API Gateway accepts it: text, a number or a boolean. */
function headerText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

type Failure = { readonly reason: string };

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * `headers` and `multiValueHeaders` merged as API Gateway merges them: a name in both takes the multi-value list
 * (API Gateway developer guide, "Output format of a Lambda function for proxy integration").
 */
function mergedHeaders(response: Record<string, unknown>): [string, string][] | Failure {
  const out: [string, string][] = [];
  const multi = response.multiValueHeaders;
  const single = response.headers;
  if (multi !== undefined && multi !== null && !isRecord(multi))
    return { reason: 'multiValueHeaders is not an object' };
  if (single !== undefined && single !== null && !isRecord(single)) return { reason: 'headers is not an object' };
  const multiNames = new Set(Object.keys(multi ?? {}).map((k) => k.toLowerCase()));
  for (const [name, value] of Object.entries(single ?? {})) {
    if (multiNames.has(name.toLowerCase())) continue;
    const text = headerText(value);
    if (text === undefined) return { reason: `header ${name} is not a string` };
    out.push([name, text]);
  }
  for (const [name, values] of Object.entries(multi ?? {})) {
    if (!Array.isArray(values)) return { reason: `multiValueHeaders.${name} is not a list` };
    for (const value of values) {
      const text = headerText(value);
      if (text === undefined) return { reason: `a value of multiValueHeaders.${name} is not a string` };
      out.push([name, text]);
    }
  }
  return out;
}

function withContentType(headers: [string, string][]): [string, string][] {
  return headers.some(([k]) => k.toLowerCase() === 'content-type')
    ? headers
    : [...headers, ['Content-Type', JSON_TYPE]];
}

/** `body` with `isBase64Encoded`: decoded to bytes when the API would send binary. */
function bodyBytes(body: unknown, base64: boolean, decode: boolean): Buffer | Failure {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body !== 'string') return { reason: `body is ${kindOf(body)}, not a string` };
  return base64 && decode ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
}

export interface ResponseContext {
  readonly kind: ApiKind;
  readonly format: PayloadFormat;
  /** REST APIs: `BinaryMediaTypes`, and the request's `Accept`, which decide whether a base64 body is decoded. */
  readonly binaryMediaTypes: readonly string[];
  readonly accept: string | undefined;
}

/**
 * The function's response as API Gateway maps it to HTTP. REST and payload 1.0: `{statusCode, headers,
 * multiValueHeaders, body, isBase64Encoded}` is required. Payload 2.0 and function URLs also take `cookies`, and a
 * response without `statusCode` is inferred: 200, `application/json`, the returned string or JSON as the body
 * (API Gateway developer guide, "HTTP API payload format version 2.0", "Lambda function response format").
 */
export function mapFunctionResponse(payload: string, context: ResponseContext): MappedResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'the function response is not JSON' };
  }
  const v2 = context.format === '2.0' || context.kind === 'url';
  if (v2 && (!isRecord(parsed) || !('statusCode' in parsed))) {
    const body = typeof parsed === 'string' ? parsed : payload;
    return { ok: true, answer: { status: 200, headers: [['Content-Type', JSON_TYPE]], body: Buffer.from(body) } };
  }
  if (!isRecord(parsed))
    return {
      ok: false,
      reason: `the function returned ${parsed === null ? 'null' : typeof parsed}, not an object with statusCode`,
    };
  const status = statusOf(parsed.statusCode);
  if (status === undefined) {
    return {
      ok: false,
      reason:
        parsed.statusCode === undefined
          ? 'statusCode is missing'
          : `statusCode ${JSON.stringify(parsed.statusCode)} is not an HTTP status`,
    };
  }
  const headers = mergedHeaders(parsed);
  if (!Array.isArray(headers)) return { ok: false, reason: headers.reason };
  if (v2 && parsed.cookies !== undefined) {
    if (!Array.isArray(parsed.cookies) || parsed.cookies.some((c) => typeof c !== 'string'))
      return { ok: false, reason: 'cookies is not a list of strings' };
    for (const cookie of parsed.cookies as string[]) headers.push(['Set-Cookie', cookie]);
  }
  const base64 = parsed.isBase64Encoded === true || parsed.isBase64Encoded === 'true';
  const decode = context.kind !== 'rest' || restSendsBinary(headers, context);
  const body = bodyBytes(parsed.body, base64, decode);
  if (!Buffer.isBuffer(body)) return { ok: false, reason: body.reason };
  return { ok: true, answer: { status, headers: withContentType(headers), body } };
}

/**
 * A REST API decodes a base64 body only when the response's `Content-Type` or the request's `Accept` is one of its
 * `BinaryMediaTypes`; otherwise the client receives the base64 text (API Gateway developer guide, "Content type
 * conversions in API Gateway").
 */
function restSendsBinary(headers: readonly (readonly [string, string])[], context: ResponseContext): boolean {
  if (context.binaryMediaTypes.length === 0) return false;
  const contentType = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const accepted = (context.accept ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return (
    matchesMediaType(contentType, context.binaryMediaTypes) ||
    accepted.some((a) => matchesMediaType(a, context.binaryMediaTypes))
  );
}
