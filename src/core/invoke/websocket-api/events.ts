import { allOf, grouped, groupedHeaders, lastOf, localApiId, requestTime } from '../http-api/events';
import { headerValue, queryPairs, type LocalRequest } from '../http-api/request';
import type { WebSocketApiSpec } from './types';

/** A client's connection as the events describe it: the upgrade request it opened with and when. */
export interface ConnectionFacts {
  readonly connectionId: string;
  readonly connectedAt: number;
  /** The HTTP upgrade request (its headers, query and source address). */
  readonly upgrade: LocalRequest;
}

/**
 * What every event's `requestContext` carries (API Gateway developer guide, "Overview of WebSocket APIs", the Lambda
 * proxy integration's event format).
 */
function requestContext(
  api: WebSocketApiSpec,
  connection: ConnectionFacts,
  routeKey: string,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
  requestId: string,
  at: Date,
): Record<string, unknown> {
  const upgrade = connection.upgrade;
  return {
    routeKey,
    eventType,
    extendedRequestId: requestId,
    requestTime: requestTime(at),
    messageDirection: 'IN',
    stage: api.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: at.getTime(),
    identity: { sourceIp: upgrade.sourceIp, userAgent: headerValue(upgrade, 'user-agent') },
    requestId,
    // The Host the client connected to, port included, so `http://${domainName}` reaches this server's @connections.
    domainName: headerValue(upgrade, 'host') ?? 'localhost',
    connectionId: connection.connectionId,
    apiId: localApiId(api.id),
  };
}

function headersOf(upgrade: LocalRequest): Record<string, unknown> {
  const headers = groupedHeaders(upgrade);
  return { headers: lastOf(headers), multiValueHeaders: allOf(headers) };
}

/** `$connect`: the upgrade request's headers and query string. */
export function connectEvent(api: WebSocketApiSpec, connection: ConnectionFacts, requestId: string, at: Date): object {
  const query = grouped(queryPairs(connection.upgrade.rawQuery));
  return {
    ...headersOf(connection.upgrade),
    ...(query.size ? { queryStringParameters: lastOf(query), multiValueQueryStringParameters: allOf(query) } : {}),
    requestContext: requestContext(api, connection, '$connect', 'CONNECT', requestId, at),
    isBase64Encoded: false,
  };
}

/** A message, routed to `routeKey`: the frame's text, or base64 for a binary frame. */
export function messageEvent(
  api: WebSocketApiSpec,
  connection: ConnectionFacts,
  routeKey: string,
  message: { readonly data: Buffer; readonly binary: boolean },
  ids: { readonly requestId: string; readonly messageId: string },
  at: Date,
): object {
  return {
    requestContext: {
      ...requestContext(api, connection, routeKey, 'MESSAGE', ids.requestId, at),
      messageId: ids.messageId,
    },
    body: message.binary ? message.data.toString('base64') : message.data.toString('utf8'),
    isBase64Encoded: message.binary,
  };
}

/** `$disconnect`: the close frame's status code and reason, after the connection is gone. */
export function disconnectEvent(
  api: WebSocketApiSpec,
  connection: ConnectionFacts,
  close: { readonly code: number; readonly reason: string },
  requestId: string,
  at: Date,
): object {
  return {
    ...headersOf(connection.upgrade),
    requestContext: {
      ...requestContext(api, connection, '$disconnect', 'DISCONNECT', requestId, at),
      disconnectStatusCode: close.code,
      disconnectReason: close.reason,
    },
    isBase64Encoded: false,
  };
}
