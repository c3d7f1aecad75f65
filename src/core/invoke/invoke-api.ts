import * as http from 'http';
import type { AddressInfo } from 'net';
import type { FunctionInvoker } from './runtime-sdk/session';
import { readBody } from './http-api/request';
import { LAMBDA_LIMITS, LATEST_VERSION, LOCAL_ACCOUNT_ID } from './limits';
import { DEFAULT_REGION } from './local-settings';
import type { Target } from './target';
import { TooManyRequestsError } from './warm-pool';

/** Hosts the local endpoint may bind to: it runs workspace code, so never anything reachable from outside. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * How long a client may take to send its headers, and its whole request (a 6 MB payload on loopback takes
 * milliseconds): a client that stalls half-way is answered 408 and its connection closed, so it holds nothing.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often Node checks connections against those timeouts. */
const TIMEOUT_CHECK_MS = 1_000;

/**
 * Lambda API reference, "Invoke", FunctionName: a name, a partial ARN (`123456789012:function:Name`) or a full
 * ARN, with an optional version or alias.
 */
const FUNCTION_NAME_PATTERN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/** Lambda API reference, "Invoke": the error when `X-Amz-Client-Context` is not base64 of a JSON object. */
const BAD_CLIENT_CONTEXT = 'Client context must be a valid Base64-encoded JSON object.';

export interface InvokeApiOptions {
  readonly invoker: FunctionInvoker;
  /** Resolves a function name as a client sends it (logical ID, or the name Lambda would know). */
  readonly resolve: (name: string) => Target;
  readonly port?: number;
  readonly host?: string;
  /** Everything functions print, and one line per request. */
  readonly onLog?: (text: string) => void;
  /** Overrides `HEADERS_TIMEOUT_MS` and `REQUEST_TIMEOUT_MS` (tests shorten them). */
  readonly timeouts?: { readonly headersMs: number; readonly requestMs: number; readonly checkMs?: number };
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * The Lambda Invoke API (Lambda API reference, "Invoke") for the functions of one template, so that AWS SDKs
 * and the AWS CLI reach them with `--endpoint-url`. Like `sam local start-lambda`, any credentials are accepted.
 */
export class InvokeApiServer {
  private readonly server: http.Server;
  port = 0;

  constructor(private readonly options: InvokeApiOptions) {
    this.server = http.createServer(
      {
        headersTimeout: options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS,
        requestTimeout: options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS,
        connectionsCheckingInterval: options.timeouts?.checkMs ?? TIMEOUT_CHECK_MS,
      },
      (req, res) => void this.answer(req, res),
    );
  }

  async start(): Promise<number> {
    const host = this.options.host ?? '127.0.0.1';
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new Error(
        `The local Lambda endpoint binds to loopback only (127.0.0.1, ::1), not ${host}: it runs code from the ` +
          `workspace.`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every request gets an answer: a failure of ours is Lambda's `ServiceException`, never a crash. */
  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      await this.handle(req, res);
    } catch (error) {
      this.log(`Invoke API: ${(error as Error).message}\n`);
      if (!res.headersSent) serviceError(res, 500, 'ServiceException', (error as Error).message, 'Service');
      else res.destroy();
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      req.destroy();
      return;
    }
    const pathname = pathnameOf(req.url ?? '/');
    const match = pathname && /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/.exec(pathname);
    if (req.method !== 'POST' || !match) {
      req.resume();
      return serviceError(
        res,
        404,
        'UnknownOperationException',
        `Unknown operation ${req.method} ${pathname ?? JSON.stringify(req.url)}`,
      );
    }
    const rawName = decodedOrUndefined(match[1]);
    if (rawName === undefined || !FUNCTION_NAME_PATTERN.test(rawName)) {
      req.resume();
      return serviceError(
        res,
        400,
        'ValidationException',
        `1 validation error detected: Value '${rawName ?? match[1]}' at 'functionName' failed to satisfy ` +
          `constraint: Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN.source}`,
      );
    }
    const clientContext = clientContextOf(header(req, 'x-amz-client-context'));
    if (clientContext === null) {
      req.resume();
      return serviceError(res, 400, 'InvalidRequestContentException', BAD_CLIENT_CONTEXT);
    }
    const name = functionNameOf(rawName);
    const type = header(req, 'x-amz-invocation-type') ?? 'RequestResponse';
    if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
      req.resume();
      return serviceError(
        res,
        400,
        'InvalidParameterValueException',
        `Unsupported invocation type ${type}: use RequestResponse, Event or DryRun.`,
      );
    }
    const limit = type === 'Event' ? LAMBDA_LIMITS.asyncPayloadBytes : LAMBDA_LIMITS.syncPayloadBytes;
    const body = await readBody(req, limit);
    if (body === undefined) {
      return serviceError(
        res,
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      );
    }
    const target = this.options.resolve(name);
    if (!target.ok) {
      this.log(`${name}: ${target.message}\n`);
      return target.notFound
        ? serviceError(
            res,
            404,
            'ResourceNotFoundException',
            `Function not found: arn:aws:lambda:${DEFAULT_REGION}:${LOCAL_ACCOUNT_ID}:function:${name}`,
          )
        : serviceError(res, 400, 'InvalidParameterValueException', target.message);
    }
    const text = body.length ? body.toString('utf8') : '{}';
    try {
      JSON.parse(text);
    } catch (error) {
      return serviceError(
        res,
        400,
        'InvalidRequestContentException',
        `Could not parse request body into json: ${(error as Error).message}`,
      );
    }
    if (type === 'DryRun') {
      res.writeHead(204, { 'X-Amz-Executed-Version': LATEST_VERSION });
      return void res.end();
    }
    this.log(`${type} ${target.fn.logicalId}\n`);
    const running = this.options.invoker.invoke(target.fn, text, { onLog: (t) => this.log(t), clientContext });
    if (type === 'Event') {
      res.writeHead(202, { 'X-Amz-Executed-Version': LATEST_VERSION });
      res.end();
      await running.catch((error) => this.log(`${target.fn.logicalId}: ${(error as Error).message}\n`));
      return;
    }
    let result;
    try {
      result = await running;
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) throw error;
      this.log(`${target.fn.logicalId}: throttled, all ${error.maxConcurrency} environments busy\n`);
      return serviceError(res, 429, 'TooManyRequestsException', error.message, 'User', {
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      });
    }
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'application/json',
      'X-Amz-Executed-Version': LATEST_VERSION,
    };
    if (result.functionError) headers['X-Amz-Function-Error'] = 'Unhandled';
    if (header(req, 'x-amz-log-type') === 'Tail') headers['X-Amz-Log-Result'] = logTail(result.logs);
    res.writeHead(200, headers);
    res.end(result.payload);
  }

  private log(text: string): void {
    this.options.onLog?.(text);
  }
}

/** `arn:aws:lambda:r:a:function:Name[:qualifier]`, `Name:qualifier` or `Name` → `Name`. */
export function functionNameOf(raw: string): string {
  const arn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(raw);
  if (arn) return arn[1];
  return raw.split(':')[0];
}

/** Base64 of the last 4 KB of the log, cut at a character boundary, as `X-Amz-Log-Result` carries it. */
export function logTail(logs: string): string {
  const bytes = Buffer.from(logs, 'utf8');
  let start = Math.max(0, bytes.length - LAMBDA_LIMITS.logTailBytes);
  while (start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++;
  return bytes.subarray(start).toString('base64');
}

/** The path of a request target in origin or absolute form; undefined when it is no URL at all. */
function pathnameOf(target: string): string | undefined {
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function decodedOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The client context as one line of JSON for the runtime's `Lambda-Runtime-Client-Context` header (a header
 * cannot hold the newlines of pretty-printed JSON); undefined when absent, null when not base64 JSON.
 */
function clientContextOf(value: string | undefined): string | undefined | null {
  if (!value) return undefined;
  if (Buffer.byteLength(value) > LAMBDA_LIMITS.clientContextBytes || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? JSON.stringify(parsed) : null;
  } catch {
    return null;
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The service's own error shape: type in `x-amzn-ErrorType`, and a JSON body with `Type` and `message`. */
function serviceError(
  res: http.ServerResponse,
  status: number,
  type: string,
  message: string,
  fault: 'User' | 'Service' = 'User',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': type });
  res.end(JSON.stringify({ Type: fault, message, ...extra }));
}
