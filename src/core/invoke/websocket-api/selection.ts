/** `$request.body.action` or `${request.body.action}`: the dotted path into a JSON message that names its route. */
const BODY_PATH = /^\$\{?request\.body\.([^}]+)\}?$/;

export const DEFAULT_ROUTE_KEY = '$default';

/**
 * The route key a message selects under the API's `RouteSelectionExpression`: the value at the expression's path
 * in the JSON body; undefined when the body is not JSON or has no such value, which sends the message to
 * `$default` (API Gateway developer guide, "Working with routes for WebSocket APIs", "Route selection expressions").
 */
export function selectedRouteKey(expression: string, body: string): string | undefined {
  const path = BODY_PATH.exec(expression.trim())?.[1];
  if (!path) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
