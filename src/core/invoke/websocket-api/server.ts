import { randomBytes, randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import type { Duplex } from 'stream';
import type WebSocket from 'ws';
import { withinIntegrationTimeout } from '../http-api/integration-timeout';
import { API_GATEWAY_LIMITS } from '../http-api/limits';
import { headerPairs, readBody, requestTarget, type LocalRequest } from '../http-api/request';
import { connectionsAnswer, CONNECTIONS_PATH, type ConnectionsAnswer, type OpenConnection } from './connections';
import { connectEvent, disconnectEvent, messageEvent, type ConnectionFacts } from './events';
import { DEFAULT_ROUTE_KEY, selectedRouteKey } from './selection';
import type { WebSocketApiSpec, WebSocketRoute } from './types';

/** A function's answer as the invoker gives it: its JSON payload, or why there is none. */
export type FunctionCall =
  { readonly ok: true; readonly payload: string } | { readonly ok: false; readonly reason: string };

export interface LocalWebSocketApiOptions {
  readonly spec: WebSocketApiSpec;
  /** Runs a function of the template with an event. */
  readonly call: (functionId: string, event: object) => Promise<FunctionCall>;
  readonly log: (line: string) => void;
  readonly now: () => number;
  /** Replaces API Gateway's 29 s integration timeout (tests). */
  readonly integrationTimeoutMs?: number;
}

type Connection = OpenConnection & { readonly facts: ConnectionFacts };

/** Reserved route keys a message never selects. */
const CONNECT = '$connect';
const DISCONNECT = '$disconnect';
/** RFC 6455's close code for a normal closure (what `DeleteConnection` sends). */
const CLOSE_NORMAL = 1000;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

let wsModule: typeof WebSocket | undefined;

/** `ws`, required when a WebSocket API starts: an invoke or an API without WebSockets never loads it. */
function wsLibrary(): typeof WebSocket {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wsModule ??= require('ws') as typeof WebSocket;
  return wsModule;
}

/**
 * One WebSocket API on its own local port, as API Gateway runs it: the upgrade waits for `$connect` (a non-2xx
 * `statusCode` refuses it with that status), each message goes to the route its `RouteSelectionExpression` selects
 * or to `$default`, `$disconnect` runs after a close, and the `@connections` management API on the same port lets
 * functions post to, read and close connections (API Gateway developer guide, "WebSocket APIs").
 */
export class LocalWebSocketApi {
  private spec: WebSocketApiSpec;
  private readonly connections = new Map<string, Connection>();
  private readonly sockets = new (wsLibrary().Server)({
    noServer: true,
    clientTracking: false,
    maxPayload: API_GATEWAY_LIMITS.webSocketMessageBytes,
  });
  private readonly server: http.Server;

  constructor(private readonly options: LocalWebSocketApiOptions) {
    this.spec = options.spec;
    this.server = http.createServer((req, res) => void this.serveHttp(req, res));
    this.server.on('upgrade', (req, socket: Duplex, head: Buffer) => void this.upgrade(req, socket, head));
    this.server.on('clientError', (_error, socket) => socket.destroy());
  }

  get id(): string {
    return this.spec.id;
  }

  /** A reloaded template's routes; open connections stay. */
  update(spec: WebSocketApiSpec): void {
    this.spec = spec;
  }

  /** Starts listening; returns the `ws://` URL. */
  async listen(host: string, port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `ws://${shownHost}:${address.port}`;
  }

  /** Drops every connection (without `$disconnect`: the functions are stopping too) and closes the port. */
  async close(): Promise<void> {
    for (const connection of this.connections.values()) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private routeFor(key: string): WebSocketRoute | undefined {
    return this.spec.routes.find((r) => r.routeKey === key);
  }

  private async invoke(route: WebSocketRoute, event: object): Promise<FunctionCall> {
    const limit = this.options.integrationTimeoutMs ?? API_GATEWAY_LIMITS.webSocketIntegrationTimeoutMs;
    const result = await withinIntegrationTimeout(this.options.call(route.functionId, event), limit);
    return result === 'timeout' ? { ok: false, reason: `no response within ${limit} ms` } : result;
  }

  private async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const started = performance.now();
    const log = (status: number | string, note: string) =>
      this.options.log(`WS ${CONNECT} ${req.url} → ${status} (${Math.round(performance.now() - started)} ms) ${note}`);
    const target = requestTarget(req.url ?? '');
    if (!target) {
      refuse(socket, 400, 'Bad Request');
      return log(400, 'malformed request target');
    }
    const facts: ConnectionFacts = {
      connectionId: randomBytes(11).toString('base64'),
      connectedAt: this.options.now(),
      upgrade: localRequestOf(req, target),
    };
    const route = this.routeFor(CONNECT);
    let note = 'no $connect route';
    if (route) {
      const result = await this.invoke(
        route,
        connectEvent(this.spec, facts, randomUUID(), new Date(facts.connectedAt)),
      );
      const status = result.ok ? connectStatus(result.payload) : undefined;
      if (status === undefined || status < 200 || status > 299) {
        const refusal = status ?? 500;
        refuse(socket, refusal, status === undefined ? 'Internal server error' : 'Forbidden');
        return log(refusal, `${route.functionId}${result.ok ? '' : `: ${result.reason}`}: connection refused`);
      }
      note = route.functionId;
    }
    if (socket.destroyed) return log('closed', 'the client left during $connect');
    this.sockets.handleUpgrade(req, socket as Socket, head, (ws) => this.open(ws, facts));
    log(101, `${note}: connection ${facts.connectionId}`);
  }

  private open(ws: WebSocket, facts: ConnectionFacts): void {
    const connection: Connection = {
      socket: ws,
      facts,
      connectedAt: facts.connectedAt,
      lastActiveAt: facts.connectedAt,
    };
    this.connections.set(facts.connectionId, connection);
    // A frame `ws` cannot accept (bad masking, bad UTF-8, over the size limit) closes the connection with the
    // protocol's code; the error is only logged.
    ws.on('error', (error) => this.options.log(`WS ${facts.connectionId}: ${error.message}`));
    ws.on('message', (data) => {
      connection.lastActiveAt = this.options.now();
      const message = typeof data === 'string' ? { data: Buffer.from(data), binary: false } : binaryOf(data);
      void this.message(connection, message);
    });
    ws.on('close', (code, reason) => {
      if (this.connections.get(facts.connectionId) !== connection) return;
      this.connections.delete(facts.connectionId);
      void this.disconnect(facts, code, reason);
    });
  }

  private async message(
    connection: Connection,
    message: { readonly data: Buffer; readonly binary: boolean },
  ): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const { connectionId } = connection.facts;
    const selected = message.binary
      ? undefined
      : selectedRouteKey(this.spec.selectionExpression, message.data.toString('utf8'));
    const named = selected === CONNECT || selected === DISCONNECT ? undefined : selected;
    const route = (named === undefined ? undefined : this.routeFor(named)) ?? this.routeFor(DEFAULT_ROUTE_KEY);
    const log = (note: string) =>
      this.options.log(
        `WS message ${selected ?? DEFAULT_ROUTE_KEY} ${connectionId} (${Math.round(performance.now() - started)} ms) ` +
          note,
      );
    // API Gateway's own answers to a message name the connection and the request (what its access logs show).
    const gatewayMessage = (text: string) =>
      send(connection.socket, JSON.stringify({ message: text, connectionId, requestId }));
    if (!route) {
      gatewayMessage('Forbidden');
      return log('→ no route and no $default route: Forbidden');
    }
    const event = messageEvent(
      this.spec,
      connection.facts,
      route.routeKey,
      message,
      { requestId, messageId: randomBytes(11).toString('base64') },
      new Date(),
    );
    const result = await this.invoke(route, event);
    if (!result.ok) {
      gatewayMessage('Internal server error');
      return log(`→ ${route.functionId}: ${result.reason}`);
    }
    const reply = route.twoWay ? replyOf(result.payload) : undefined;
    if (reply !== undefined) send(connection.socket, reply);
    log(`→ ${route.functionId}${reply !== undefined ? ' (replied)' : ''}`);
  }

  private async disconnect(facts: ConnectionFacts, code: number, reason: string): Promise<void> {
    const route = this.routeFor(DISCONNECT);
    const line = `WS ${DISCONNECT} ${facts.connectionId} (${code}${reason ? ` ${reason}` : ''})`;
    if (!route) return this.options.log(line);
    const result = await this.invoke(
      route,
      disconnectEvent(this.spec, facts, { code, reason }, randomUUID(), new Date()),
    );
    this.options.log(`${line} → ${route.functionId}${result.ok ? '' : `: ${result.reason}`}`);
  }

  private async serveHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let answer: ConnectionsAnswer;
    const id = CONNECTIONS_PATH.exec(requestTarget(req.url ?? '')?.path ?? '')?.[1];
    if (id === undefined) {
      req.resume();
      answer = { status: 426, body: JSON.stringify({ message: 'Upgrade Required' }) };
    } else {
      const body = await readBody(req, API_GATEWAY_LIMITS.webSocketMessageBytes);
      answer = connectionsAnswer(req.method ?? 'GET', id, body, this.connections, {
        close: (connection) => connection.socket.close(CLOSE_NORMAL),
        send: (connection, data) => send(connection.socket, data),
      });
    }
    if (!res.headersSent) {
      res.writeHead(answer.status, {
        'Content-Type': 'application/json',
        ...(answer.errorType ? { 'x-amzn-ErrorType': answer.errorType } : {}),
      });
      res.end(answer.body);
    }
    this.options.log(`${req.method} ${req.url} → ${answer.status}`);
  }
}

/** A text frame when the bytes are UTF-8 (as API Gateway sends `PostToConnection` data), binary otherwise. */
function send(ws: WebSocket, data: string | Buffer): void {
  if (ws.readyState !== wsLibrary().OPEN) return;
  if (typeof data === 'string') return ws.send(data);
  try {
    ws.send(STRICT_UTF8.decode(data));
  } catch {
    ws.send(data, { binary: true });
  }
}

function binaryOf(data: WebSocket.Data): { data: Buffer; binary: boolean } {
  if (Buffer.isBuffer(data)) return { data, binary: true };
  if (Array.isArray(data)) return { data: Buffer.concat(data), binary: true };
  return { data: Buffer.from(data as ArrayBuffer), binary: true };
}

function refuse(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The payload's JSON value, or undefined when it is not JSON. */
function jsonOf(payload: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(payload) as unknown };
  } catch {
    return undefined;
  }
}

function fieldOf(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The status of a `$connect` integration's response: its `statusCode`; a response without one (a function that
 * returns nothing) accepts the connection as API Gateway does; undefined when the payload is not JSON.
 */
function connectStatus(payload: string): number | undefined {
  const parsed = jsonOf(payload);
  if (!parsed) return undefined;
  const code = fieldOf(parsed.value, 'statusCode');
  if (code === undefined) return 200;
  const status = Number(code);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

/** What a two-way route sends back: the proxy response's `body`, or a returned string. */
function replyOf(payload: string): string | undefined {
  const value = jsonOf(payload)?.value;
  if (typeof value === 'string') return value;
  const body = fieldOf(value, 'body');
  return typeof body === 'string' ? body : undefined;
}

function localRequestOf(req: http.IncomingMessage, target: { path: string; query: string }): LocalRequest {
  return {
    method: 'GET',
    rawPath: target.path,
    rawQuery: target.query,
    headers: headerPairs(req.rawHeaders),
    body: Buffer.alloc(0),
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    requestId: randomUUID(),
    receivedAt: new Date(),
  };
}
