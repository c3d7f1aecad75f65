import type WebSocket from 'ws';

/**
 * `/@connections/{connectionId}`, with the stage before it as functions call it on AWS
 * (`https://{api-id}.execute-api.{region}.amazonaws.com/{stage}/@connections/{id}`) or without it when the
 * client's endpoint is this server's bare URL; the `@` may come percent-encoded.
 */
export const CONNECTIONS_PATH = /^(?:\/[^/]+)?\/(?:@|%40)connections\/([^/]+)$/i;

export interface OpenConnection {
  readonly socket: WebSocket;
  readonly connectedAt: number;
  lastActiveAt: number;
  readonly facts: {
    readonly upgrade: { readonly sourceIp: string; readonly headers: readonly (readonly [string, string])[] };
  };
}

export interface ConnectionsAnswer {
  readonly status: number;
  readonly body: string;
  /** The error's name, which the SDK reads from `x-amzn-ErrorType` (`GoneException`, ...). */
  readonly errorType?: string;
}

interface ConnectionActions<C> {
  readonly send: (connection: C, data: Buffer) => void;
  readonly close: (connection: C) => void;
}

function error(status: number, errorType: string, message: string): ConnectionsAnswer {
  return { status, errorType, body: JSON.stringify({ message }) };
}

function decoded(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/**
 * The API Gateway Management API on one connection (API Gateway's API reference, "ApiGatewayManagementApi"):
 * `POST` sends the body to the client (PostToConnection), `GET` describes the connection with camel-case names on
 * the wire (GetConnection), `DELETE` closes it (DeleteConnection, 204). A connection that is not open is `410`
 * `GoneException`, a body over the message size limit `413` `PayloadTooLargeException`.
 */
export function connectionsAnswer<C extends OpenConnection>(
  method: string,
  rawId: string,
  body: Buffer | undefined,
  connections: ReadonlyMap<string, C>,
  actions: ConnectionActions<C>,
): ConnectionsAnswer {
  const id = decoded(rawId);
  const connection = connections.get(id);
  const verb = method.toUpperCase();
  if (verb !== 'POST' && verb !== 'GET' && verb !== 'DELETE') {
    return error(405, 'MethodNotAllowedException', `${verb} is not an operation on @connections`);
  }
  if (!connection) return error(410, 'GoneException', `Connection ${id} is gone`);
  if (verb === 'GET') {
    const upgrade = connection.facts.upgrade;
    const userAgent = upgrade.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1];
    return {
      status: 200,
      body: JSON.stringify({
        connectedAt: new Date(connection.connectedAt).toISOString(),
        identity: { sourceIp: upgrade.sourceIp, ...(userAgent !== undefined ? { userAgent } : {}) },
        lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
      }),
    };
  }
  if (verb === 'DELETE') {
    actions.close(connection);
    return { status: 204, body: '' };
  }
  if (!body) return error(413, 'PayloadTooLargeException', 'Message too long');
  actions.send(connection, body);
  return { status: 200, body: '' };
}
