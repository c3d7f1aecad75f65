import * as http from 'http';

/** A request as a fake service saw it: the operation, its input and the signing key ID (never the secret). */
export interface SeenRequest {
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** The access key ID and scope from the SigV4 `Authorization` header: `AKID/20260101/us-east-1/logs/aws4_request`. */
  readonly credential?: string;
}

/** An error the next calls answer with, as the service would (code, message, HTTP status), `times` times. */
export interface InjectedError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  times: number;
  /** Only for this operation; all operations when absent. */
  readonly operation?: string;
}

export interface FakeServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  readonly errors: InjectedError[];
  close(): Promise<void>;
}

/** Takes the next injected error for an operation, counting it down. */
export function takeError(errors: InjectedError[], operation: string): InjectedError | undefined {
  const error = errors.find((e) => e.times > 0 && (!e.operation || e.operation === operation));
  if (error) error.times -= 1;
  return error;
}

/** A loopback HTTP server whose handler gets each request's whole body. Binds 127.0.0.1 only. */
export async function startFake(
  handle: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function credentialOf(req: http.IncomingMessage): string | undefined {
  return /Credential=([^,]+)/.exec(String(req.headers.authorization ?? ''))?.[1];
}
