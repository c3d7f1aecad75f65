import type { ApiTable } from '../http-api/types';

/**
 * A started WebSocket API in lines, as the command line and the editor's output show it: the `ws://` URL to connect
 * to, each route and its function, and the `@connections` URL a function's ApiGatewayManagementApi client is given
 * as its endpoint (the stage in the path, as on AWS).
 */
export function webSocketLines(started: { readonly apiId: string; readonly url: string }, table: ApiTable): string[] {
  const spec = table.webSocketApis.find((api) => api.id === started.apiId);
  if (!spec) return [`WebSocket ${started.url} (${started.apiId})`];
  const selection = spec.selectionExpression ? `, route selection ${spec.selectionExpression}` : '';
  return [
    `WebSocket ${started.url} (${spec.id}, stage ${spec.stage}${selection})`,
    ...spec.routes.map((r) => `  ${r.routeKey} → ${r.functionId}${r.twoWay ? ' (two-way)' : ''}`),
    `  @connections: ${started.url.replace(/^ws:/, 'http:')}/${spec.stage}/@connections/{connectionId}`,
  ];
}
