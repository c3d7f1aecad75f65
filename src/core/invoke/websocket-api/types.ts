/** What the local WebSocket API serves, read from a template. */

export interface WebSocketRoute {
  /** `$connect`, `$disconnect`, `$default` or a custom key such as `sendMessage`. */
  readonly routeKey: string;
  readonly functionId: string;
  /**
   * A two-way route: it has a route response (`RouteResponseSelectionExpression`), so the integration's response
   * goes back to the client as a message.
   */
  readonly twoWay: boolean;
  /** Where in the template the route was declared, in words. */
  readonly declaredBy: string;
}

export interface WebSocketApiSpec {
  /** The API's logical ID. */
  readonly id: string;
  readonly stage: string;
  /** `$request.body.action` and the like: where a message names its route. */
  readonly selectionExpression: string;
  readonly routes: readonly WebSocketRoute[];
}
