import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { loadTemplateFile, readBoundedFile, type GivenInputs } from '../../load';
import type { Template } from '../../model/template';
import type { FunctionInvoker } from '../runtime-sdk/session';
import { DEFAULT_REGION } from '../local-settings';
import { localFunctionOf, localResolutionOf, type Target } from '../target';
import { AuthorizerRunner } from './authorizers';
import { httpPreflightHeaders, httpResponseCorsHeaders, restPreflightHeaders } from './cors';
import { proxyEvent } from './events';
import { withinIntegrationTimeout } from './integration-timeout';
import { API_GATEWAY_LIMITS, LOCAL_SERVER_TIMEOUTS } from './limits';
import { headerPairs, headerValue, readBody, requestTarget, type LocalRequest } from './request';
import { GATEWAY_ANSWERS, gatewayAnswer, integrationError, mapFunctionResponse, type HttpAnswer } from './responses';
import { Router, type RouteMatch } from './router';
import { apiTableOf } from './routes';
import { LocalWebSocketApi, type FunctionCall } from '../websocket-api/server';
import type { ApiTable, FunctionUrl, MockRoute, Route } from './types';

const LOOPBACK = '127.0.0.1';

export interface LocalHttpApiOptions {
  readonly invoker: FunctionInvoker;
  readonly templatePath: string;
  /** Folder holding `.serverless-workbench/`; the template's folder by default. */
  readonly workspaceDir?: string;
  readonly given?: GivenInputs;
  /** 0 picks a free port. Function URLs listen on the ports after it (or free ports when 0). */
  readonly port?: number;
  /** 127.0.0.1 unless the user asks for another address. */
  readonly host?: string;
  /** One line per request (method, path, status, duration) and notes. */
  readonly onLog?: (line: string) => void;
  /** What functions print, START to REPORT. */
  readonly onFunctionLog?: (text: string) => void;
  /** Replaces API Gateway's integration timeouts (tests). */
  readonly integrationTimeoutMs?: number;
  /** Replaces the local server's client timeouts (tests). */
  readonly serverTimeouts?: Partial<Record<keyof typeof LOCAL_SERVER_TIMEOUTS, number>>;
  readonly now?: () => number;
}

export interface StartedApi {
  readonly url: string;
  readonly functionUrls: { readonly functionId: string; readonly url: string }[];
  /** Each WebSocket API's `ws://` URL, on a port of its own with its `@connections` management API. */
  readonly webSockets: { readonly apiId: string; readonly url: string }[];
}

/** One listener: the template's APIs, or one function URL. */
interface Site {
  readonly server: http.Server;
  readonly functionUrl?: FunctionUrl;
  url: string;
}

interface Loaded {
  readonly template: Template;
  readonly table: ApiTable;
  readonly router: Router;
  readonly mockRouter: Router<MockRoute>;
  readonly targets: Map<string, Target>;
  readonly region: string;
}

type Loading = { readonly ok: true; readonly loaded: Loaded } | { readonly ok: false; readonly message: string };

/**
 * The template's APIs on a local HTTP server, as API Gateway would serve them after deploy: routes, events,
 * authorizers, CORS and response mapping, each function run by the local invoker in warm environments.
 */
export class LocalHttpApi {
  private loaded: Loaded | undefined;
  private readonly sites: Site[] = [];
  private readonly webSockets: LocalWebSocketApi[] = [];
  private readonly authorizers: AuthorizerRunner;
  private readonly now: () => number;

  constructor(private readonly options: LocalHttpApiOptions) {
    this.now = options.now ?? Date.now;
    this.authorizers = new AuthorizerRunner({
      call: (functionId, event) => this.callAuthorizer(functionId, event),
      region: () => this.loaded?.region ?? DEFAULT_REGION,
      now: this.now,
      log: (line) => this.log(line),
    });
  }

  /** Reads the template; a template that cannot be read is a message, and the server keeps its last routes. */
  reload(): { ok: true; table: ApiTable } | { ok: false; message: string } {
    const loading = this.load();
    if (!loading.ok) return loading;
    this.loaded = loading.loaded;
    this.authorizers.clear();
    for (const webSocket of this.webSockets) {
      const spec = loading.loaded.table.webSocketApis.find((api) => api.id === webSocket.id);
      if (spec) webSocket.update(spec);
    }
    return { ok: true, table: loading.loaded.table };
  }

  get table(): ApiTable | undefined {
    return this.loaded?.table;
  }

  /**
   * Starts the listeners; returns the API's URL, each function URL's and each WebSocket API's (`ws://`), on the
   * ports after the API's in that order (free ports when the API's is 0).
   */
  async start(): Promise<StartedApi> {
    const first = this.reload();
    if (!first.ok) throw new Error(first.message);
    const host = this.options.host ?? LOOPBACK;
    const port = this.options.port ?? 0;
    const main = await this.listen(host, port, undefined);
    const functionUrls: { functionId: string; url: string }[] = [];
    for (const [i, functionUrl] of first.table.functionUrls.entries()) {
      const site = await this.listen(host, port === 0 ? 0 : port + 1 + i, functionUrl);
      functionUrls.push({ functionId: functionUrl.functionId, url: site.url });
    }
    const webSockets: { apiId: string; url: string }[] = [];
    const firstWebSocketPort = port + 1 + first.table.functionUrls.length;
    for (const [i, spec] of first.table.webSocketApis.entries()) {
      const webSocket = new LocalWebSocketApi({
        spec,
        call: (functionId, event) => this.callFunction(functionId, event),
        log: (line) => this.log(line),
        now: this.now,
        integrationTimeoutMs: this.options.integrationTimeoutMs,
      });
      this.webSockets.push(webSocket);
      webSockets.push({ apiId: spec.id, url: await webSocket.listen(host, port === 0 ? 0 : firstWebSocketPort + i) });
    }
    return { url: main.url, functionUrls, webSockets };
  }

  async close(): Promise<void> {
    await Promise.all(this.webSockets.splice(0).map((webSocket) => webSocket.close()));
    const sites = this.sites.splice(0);
    await Promise.all(
      sites.map(
        (site) =>
          new Promise<void>((resolve) => {
            site.server.close(() => resolve());
            site.server.closeAllConnections();
          }),
      ),
    );
  }

  private async listen(host: string, port: number, functionUrl: FunctionUrl | undefined): Promise<Site> {
    const timeouts = { ...LOCAL_SERVER_TIMEOUTS, ...this.options.serverTimeouts };
    const server = http.createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        // Node checks the two timeouts on this interval (30 s by default), which would let them run over.
        connectionsCheckingInterval: Math.min(timeouts.headersMs, timeouts.requestMs) / 2,
      },
      (req, res) => void this.serve(site, req, res),
    );
    const site: Site = { server, functionUrl, url: '' };
    // A request Node cannot parse (bad request line, malformed header) is answered and its connection closed.
    server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    site.url = `http://${shownHost}:${address.port}`;
    this.sites.push(site);
    return site;
  }

  private load(): Loading {
    const loaded = loadTemplateFile(this.options.templatePath, {
      readFile: readBoundedFile,
      given: this.options.given,
    });
    if (!loaded.ok) return { ok: false, message: loaded.message };
    const template = loaded.template;
    const workspaceDir = this.options.workspaceDir ?? path.dirname(path.resolve(this.options.templatePath));
    const { resolver, region } = localResolutionOf(template, { workspaceDir });
    const table = apiTableOf(template, resolver);
    const router = new Router(table.routes);
    const mockRouter = new Router(table.mockRoutes);
    return { ok: true, loaded: { template, table, router, mockRouter, targets: new Map(), region: region.value } };
  }

  private target(functionId: string): Target {
    const loaded = this.loaded!;
    let target = loaded.targets.get(functionId);
    if (!target) {
      const view = loaded.template.functions.find((f) => f.logicalId === functionId);
      target = view
        ? localFunctionOf(loaded.template, view, { workspaceDir: this.options.workspaceDir, given: this.options.given })
        : { ok: false, message: `No function ${functionId} in the template.`, notFound: true };
      loaded.targets.set(functionId, target);
    }
    return target;
  }

  private async serve(site: Site, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    let answer: HttpAnswer;
    let note = '';
    try {
      const outcome = await this.answer(site, req);
      answer = outcome.answer;
      note = outcome.note;
    } catch (error) {
      answer = integrationError(site.functionUrl ? 'url' : 'rest');
      note = `internal error: ${(error as Error).message}`;
    }
    this.send(res, answer);
    const ms = Math.round(performance.now() - started);
    this.log(`${req.method} ${req.url} → ${answer.status} (${ms} ms)${note ? ` ${note}` : ''}`);
  }

  private send(res: http.ServerResponse, answer: HttpAnswer): void {
    if (res.headersSent || res.destroyed) return;
    try {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of answer.headers) {
        const existing = headers[name];
        headers[name] = existing === undefined ? value : ([] as string[]).concat(existing, value);
      }
      res.writeHead(answer.status, { ...headers, 'Content-Length': String(answer.body.length) });
      res.end(answer.body);
    } catch (error) {
      // A header value Node refuses (a newline in it) is the function's mistake: API Gateway answers 502.
      this.log(`response not sendable: ${(error as Error).message}`);
      if (!res.headersSent) {
        const fallback = integrationError('rest');
        res.writeHead(fallback.status, { 'Content-Type': 'application/json' });
        res.end(fallback.body);
      } else res.destroy();
    }
  }

  private async answer(site: Site, req: http.IncomingMessage): Promise<{ answer: HttpAnswer; note: string }> {
    const target = requestTarget(req.url ?? '');
    if (!target) {
      req.resume();
      return { answer: gatewayAnswer({ status: 400, message: 'Bad Request' }), note: 'malformed request target' };
    }
    const body = await readBody(req, API_GATEWAY_LIMITS.payloadBytes);
    if (!body) return { answer: gatewayAnswer(GATEWAY_ANSWERS.tooLarge), note: 'body over 10 MB' };
    const request: LocalRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      rawPath: target.path,
      rawQuery: target.query,
      headers: headerPairs(req.rawHeaders),
      body,
      sourceIp: (req.socket.remoteAddress ?? LOOPBACK).replace(/^::ffff:/, ''),
      requestId: randomUUID(),
      receivedAt: new Date(this.now()),
    };
    if (site.functionUrl) return this.functionUrl(site.functionUrl, request);
    return this.route(request);
  }

  private async functionUrl(url: FunctionUrl, request: LocalRequest): Promise<{ answer: HttpAnswer; note: string }> {
    const route: Route = {
      api: url.api,
      method: 'ANY',
      path: '$default',
      functionId: url.functionId,
      payloadFormat: '2.0',
      authorizer: undefined,
      apiKeyRequired: false,
      declaredBy: `the function URL of ${url.functionId}`,
    };
    const cors = url.api.cors;
    if (cors && isPreflight(request)) return { answer: preflight(cors, request), note: 'CORS preflight' };
    const note = url.authType === 'AWS_IAM' ? '(AWS_IAM: signatures are not checked locally)' : '';
    const result = await this.integrate({ route, pathParameters: null }, request, undefined);
    return { answer: result.answer, note: [note, result.note].filter(Boolean).join(' ') };
  }

  private async route(request: LocalRequest): Promise<{ answer: HttpAnswer; note: string }> {
    const { router, mockRouter, table } = this.loaded!;
    const mock = mockRouter.match(request.method, request.rawPath)?.route;
    if (mock) {
      const answer = { status: mock.status, headers: mock.headers, body: Buffer.from(mock.body) };
      return { answer, note: `mock integration (${mock.declaredBy})` };
    }
    const preflightAnswer = this.preflight(router, request);
    if (preflightAnswer) return { answer: preflightAnswer, note: 'CORS preflight' };
    const match = router.match(request.method, request.rawPath);
    if (!match) {
      const rest = table.routes.some((r) => r.api.kind === 'rest') || table.routes.length === 0;
      return {
        answer: gatewayAnswer(rest ? GATEWAY_ANSWERS.restMissingRoute : GATEWAY_ANSWERS.httpMissingRoute),
        note: 'no route',
      };
    }
    const auth = await this.authorizers.authorize(request, match);
    if (!auth.allowed) return { answer: auth.answer, note: auth.reason };
    return this.integrate(match, request, auth.context);
  }

  /**
   * CORS preflight: a REST API answers OPTIONS on a path whose routes enable CORS (the mock method SAM adds), an
   * HTTP API answers any preflight when CORS is configured; a path with its own OPTIONS route gets it otherwise.
   */
  private preflight(router: Router, request: LocalRequest): HttpAnswer | undefined {
    if (request.method !== 'OPTIONS') return undefined;
    const atPath = router.routesAt(request.rawPath);
    const restCors = atPath.find((r) => r.api.kind === 'rest' && r.api.cors)?.api.cors;
    if (restCors && !atPath.some((r) => r.method === 'OPTIONS')) {
      const headers = restPreflightHeaders(restCors, [...new Set(atPath.map((r) => r.method))]);
      return {
        status: 200,
        headers: [['Content-Type', 'application/json'], ...Object.entries(headers)],
        body: Buffer.alloc(0),
      };
    }
    const httpCors = router.routes.find((r) => r.api.kind === 'http' && r.api.cors)?.api.cors;
    if (httpCors && isPreflight(request)) return preflight(httpCors, request);
    return undefined;
  }

  private async integrate(
    match: RouteMatch,
    request: LocalRequest,
    authorizer: Readonly<Record<string, unknown>> | undefined,
  ): Promise<{ answer: HttpAnswer; note: string }> {
    const { route } = match;
    const target = this.target(route.functionId);
    const kind = route.api.kind;
    if (!target.ok) return { answer: integrationError(kind), note: `${route.functionId}: ${target.message}` };
    const event = JSON.stringify(proxyEvent(request, match, authorizer));
    const limit =
      this.options.integrationTimeoutMs ??
      (kind === 'rest' ? API_GATEWAY_LIMITS.restIntegrationTimeoutMs : API_GATEWAY_LIMITS.httpIntegrationTimeoutMs);
    const running = this.options.invoker.invoke(target.fn, event, { onLog: this.options.onFunctionLog });
    const result = await withinIntegrationTimeout(running, limit);
    if (result === 'timeout') {
      const answer = kind === 'rest' ? GATEWAY_ANSWERS.restTimeout : GATEWAY_ANSWERS.httpTimeout;
      return {
        answer: gatewayAnswer(answer),
        note: `${route.functionId}: no response within the integration timeout (${limit} ms)`,
      };
    }
    if (result.functionError) {
      return {
        answer: integrationError(kind),
        note: `${route.functionId}: ${result.functionError.errorType}: ${result.functionError.errorMessage}`,
      };
    }
    const mapped = mapFunctionResponse(result.payload, {
      kind,
      format: route.payloadFormat,
      binaryMediaTypes: route.api.binaryMediaTypes,
      accept: headerValue(request, 'accept'),
    });
    if (!mapped.ok)
      return { answer: integrationError(kind), note: `${route.functionId}: malformed response: ${mapped.reason}` };
    const extra: [string, string][] = [['x-amzn-RequestId', request.requestId]];
    if (kind !== 'rest' && route.api.cors) {
      extra.push(...Object.entries(httpResponseCorsHeaders(route.api.cors, headerValue(request, 'origin'))));
    }
    return { answer: { ...mapped.answer, headers: [...mapped.answer.headers, ...extra] }, note: route.functionId };
  }

  private async callAuthorizer(functionId: string, event: object) {
    const called = await this.callFunction(functionId, event);
    if (!called.ok) return { ok: false as const, errorMessage: called.reason };
    try {
      return { ok: true as const, payload: JSON.parse(called.payload) as unknown };
    } catch {
      return { ok: false as const, errorMessage: 'the authorizer response is not JSON' };
    }
  }

  /** Runs a function of the template with an event: its payload, or its error message (`Unauthorized`, ...). */
  private async callFunction(functionId: string, event: object): Promise<FunctionCall> {
    const target = this.target(functionId);
    if (!target.ok) return { ok: false, reason: target.message };
    const result = await this.options.invoker.invoke(target.fn, JSON.stringify(event), {
      onLog: this.options.onFunctionLog,
    });
    if (result.functionError) return { ok: false, reason: result.functionError.errorMessage };
    return { ok: true, payload: result.payload };
  }

  private log(line: string): void {
    this.options.onLog?.(line);
  }
}

function isPreflight(request: LocalRequest): boolean {
  return (
    request.method === 'OPTIONS' &&
    headerValue(request, 'origin') !== undefined &&
    headerValue(request, 'access-control-request-method') !== undefined
  );
}

function preflight(cors: NonNullable<Route['api']['cors']>, request: LocalRequest): HttpAnswer {
  const headers = httpPreflightHeaders(cors, {
    origin: headerValue(request, 'origin'),
    requestMethod: headerValue(request, 'access-control-request-method'),
    requestHeaders: headerValue(request, 'access-control-request-headers'),
  });
  return { status: 204, headers: Object.entries(headers), body: Buffer.alloc(0) };
}
