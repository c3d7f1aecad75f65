import * as http from 'http';

/** A request as a fake service saw it, for tests to assert on. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly operation: string;
  readonly bytes: number;
  /** The operation's parameters, for the services whose fake reads them out (query form, JSON body). */
  readonly input: Readonly<Record<string, unknown>>;
  /** The access key ID and scope from the SigV4 `Authorization` header: `AKID/20260101/us-east-1/logs/aws4_request`. */
  readonly credential?: string;
}

/** An error as a service answers it, for the next `times` calls (of `operation`, or any). */
export interface ServiceError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  readonly times: number;
  readonly operation?: string;
}

export interface FakeReply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/** An error a test wants the service to answer with, `times` times, to the named operation (or any). */
export interface InjectedFailure {
  readonly operation?: string;
  readonly times: number;
  readonly reply: FakeReply;
}

/** A loopback HTTP server for one fake AWS service: records requests and answers with injected failures first. */
export class FakeServer {
  readonly seen: SeenRequest[] = [];
  private readonly failures: { operation?: string; left: number; reply: FakeReply }[] = [];
  private server: http.Server | undefined;
  url = '';

  constructor(
    private readonly operationOf: (req: http.IncomingMessage, body: Buffer) => string,
    private readonly handle: (req: http.IncomingMessage, body: Buffer, operation: string) => FakeReply,
    private readonly inputOf: (body: Buffer) => Record<string, unknown> = () => ({}),
  ) {}

  fail(failure: InjectedFailure): void {
    this.failures.push({ operation: failure.operation, left: failure.times, reply: failure.reply });
  }

  count(operation: string): number {
    return this.seen.filter((s) => s.operation === operation).length;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const operation = this.operationOf(req, body);
        const credential = /Credential=([^,]+)/.exec(String(req.headers.authorization ?? ''))?.[1];
        this.seen.push({
          method: req.method ?? '',
          path: req.url ?? '',
          operation,
          bytes: body.length,
          input: this.inputOf(body),
          ...(credential ? { credential } : {}),
        });
        const failure = this.failures.find((f) => f.left > 0 && (!f.operation || f.operation === operation));
        let reply: FakeReply;
        if (failure) {
          failure.left--;
          reply = failure.reply;
        } else {
          try {
            reply = this.handle(req, body, operation);
          } catch (error) {
            reply = { status: 500, body: String((error as Error).stack) };
          }
        }
        res.writeHead(reply.status, reply.headers);
        res.end(req.method === 'HEAD' ? undefined : reply.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** Stops listening and drops the SDK's kept-alive connections, so a closed fake is unreachable at once. */
  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

let requestCounter = 0;
export function requestId(): string {
  return `00000000-0000-4000-8000-${String(++requestCounter).padStart(12, '0')}`;
}
