import * as http from 'http';
import type { AddressInfo } from 'net';
import { LAMBDA_LIMITS } from './limits';

/**
 * One event handed to the runtime, with what the `next` headers carry (Lambda developer guide, "Using the Lambda
 * runtime API for custom runtimes").
 */
export interface RuntimeInvocation {
  readonly requestId: string;
  readonly payload: Buffer;
  readonly functionArn: string;
  readonly timeoutMs: number;
  readonly traceId: string;
  /** JSON text; sent as `Lambda-Runtime-Client-Context` when set. */
  readonly clientContext?: string;
  /** JSON text; sent as `Lambda-Runtime-Cognito-Identity` when set. */
  readonly cognitoIdentity?: string;
}

/** What the runtime answered for one invocation. */
export type RuntimeOutcome =
  | { readonly kind: 'response'; readonly body: Buffer }
  | { readonly kind: 'error'; readonly body: Buffer; readonly errorType: string | undefined }
  | { readonly kind: 'too-large'; readonly size: number };

/** The body of `/runtime/init/error`, kept to report the failed cold start as Lambda does. */
export interface InitError {
  readonly body: Buffer;
  readonly errorType: string | undefined;
}

interface Pending {
  readonly invocation: RuntimeInvocation;
  readonly settle: (outcome: RuntimeOutcome) => void;
  readonly onDelivered: (at: number) => void;
}

const PREFIX = '/2018-06-01/runtime';

/**
 * The Lambda Runtime API for one execution environment: one invocation at a time, `next` blocks until
 * there is one, answers and errors settle it. Listens on 127.0.0.1 only, on a port the OS picks.
 */
export class RuntimeApiServer {
  private readonly server = http.createServer((req, res) => this.route(req, res));
  private waiting: http.ServerResponse | undefined;
  private queued: Pending | undefined;
  private current: Pending | undefined;
  private readonly nextListeners: (() => void)[] = [];
  private readonly initErrorListeners: ((e: InitError) => void)[] = [];

  /** `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`. */
  address = '';

  async start(): Promise<string> {
    this.server.keepAliveTimeout = 0;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.address = `127.0.0.1:${port}`;
    return this.address;
  }

  /** Called each time the runtime asks for the next event (the first call ends its init phase). */
  onNext(listener: () => void): void {
    this.nextListeners.push(listener);
  }

  onInitError(listener: (error: InitError) => void): void {
    this.initErrorListeners.push(listener);
  }

  /** Queues the event; resolves when the runtime posts a response or an error for it. */
  invoke(invocation: RuntimeInvocation, onDelivered: (at: number) => void): Promise<RuntimeOutcome> {
    if (this.queued || this.current) throw new Error('An execution environment runs one invocation at a time.');
    return new Promise((resolve) => {
      const pending: Pending = {
        invocation,
        onDelivered,
        settle: (outcome) => {
          if (this.current === pending) this.current = undefined;
          if (this.queued === pending) this.queued = undefined;
          resolve(outcome);
        },
      };
      this.queued = pending;
      this.deliver();
    });
  }

  /** Forgets the running invocation (timed out, cancelled, process gone) so a late answer is refused. */
  abandon(): void {
    this.current = undefined;
    this.queued = undefined;
  }

  async close(): Promise<void> {
    this.waiting?.destroy();
    this.waiting = undefined;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private deliver(): void {
    const res = this.waiting;
    const pending = this.queued;
    if (!res || !pending) return;
    this.waiting = undefined;
    this.queued = undefined;
    this.current = pending;
    const now = Date.now();
    const inv = pending.invocation;
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': inv.requestId,
      'Lambda-Runtime-Deadline-Ms': String(now + inv.timeoutMs),
      'Lambda-Runtime-Invoked-Function-Arn': inv.functionArn,
      'Lambda-Runtime-Trace-Id': inv.traceId,
    };
    if (inv.clientContext !== undefined) headers['Lambda-Runtime-Client-Context'] = inv.clientContext;
    if (inv.cognitoIdentity !== undefined) headers['Lambda-Runtime-Cognito-Identity'] = inv.cognitoIdentity;
    res.writeHead(200, headers);
    res.end(inv.payload);
    pending.onDelivered(now);
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) return this.next(res);
    if (req.method === 'POST' && url === `${PREFIX}/init/error`) return this.initError(req, res);
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (req.method === 'POST' && m)
      return this.answer(req, res, decodeURIComponent(m[1]), m[2] as 'response' | 'error');
    req.resume();
    reply(res, 404, { errorMessage: `Unknown Runtime API call ${req.method} ${url}`, errorType: 'InvalidRequest' });
  }

  private next(res: http.ServerResponse): void {
    // A runtime asks for the next event only once it is done with the previous one.
    this.waiting?.destroy();
    this.waiting = res;
    res.on('close', () => {
      if (this.waiting === res) this.waiting = undefined;
    });
    for (const l of this.nextListeners) l();
    this.deliver();
  }

  private initError(req: http.IncomingMessage, res: http.ServerResponse): void {
    readBody(req, LAMBDA_LIMITS.syncPayloadBytes, (body) => {
      reply(res, 202, { status: 'OK' });
      const error = { body: body ?? Buffer.from('{}'), errorType: header(req, 'lambda-runtime-function-error-type') };
      for (const l of this.initErrorListeners) l(error);
    });
  }

  private answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    requestId: string,
    kind: 'response' | 'error',
  ): void {
    const pending = this.current;
    if (!pending || pending.invocation.requestId !== requestId) {
      req.resume();
      reply(res, 400, { errorMessage: `Invalid request ID: ${requestId}`, errorType: 'InvalidRequestID' });
      return;
    }
    readBody(req, LAMBDA_LIMITS.responsePayloadBytes, (body, size) => {
      if (body === undefined) {
        reply(res, 413, {
          errorMessage: `Exceeded maximum allowed payload size (${LAMBDA_LIMITS.responsePayloadBytes} bytes).`,
          errorType: 'RequestEntityTooLarge',
        });
        pending.settle({ kind: 'too-large', size });
        return;
      }
      reply(res, 202, { status: 'OK' });
      pending.settle(
        kind === 'response'
          ? { kind, body }
          : { kind, body, errorType: header(req, 'lambda-runtime-function-error-type') },
      );
    });
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads a body up to `limit` bytes; past it, drains the rest and reports undefined with the real size. */
function readBody(
  req: http.IncomingMessage,
  limit: number,
  done: (body: Buffer | undefined, size: number) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= limit) chunks.push(c);
  });
  req.on('end', () => done(size <= limit ? Buffer.concat(chunks) : undefined, size));
  req.on('error', () => done(undefined, size));
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
