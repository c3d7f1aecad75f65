import { mapAt, valueOf } from '../../model/nodes';
import { naming } from '../../model/serverless/naming';
import type { Resource } from '../../model/template';
import type { TemplateValues } from '../http-api/template-values';
import { writtenV2Routes, writtenV2Stage } from '../http-api/v2-resources';
import type { WebSocketApiSpec, WebSocketRoute } from './types';

const SAM_WEBSOCKET_API = 'AWS::Serverless::WebSocketApi';
const PLAIN_API = 'AWS::ApiGatewayV2::Api';
/**
 * The Serverless Framework's route selection when `provider.websocketsApiRouteSelectionExpression` is not given
 * (framework docs, "Websocket" events).
 */
const SERVERLESS_SELECTION = '$request.body.action';
/** SAM's WebSocket API without `StageName` and a plain API without a written stage: served as `$default`. */
const DEFAULT_STAGE = '$default';
const CONNECT = '$connect';

/**
 * Every WebSocket API of the template with the routes that call its functions: plain CloudFormation
 * `AWS::ApiGatewayV2::Api` with `ProtocolType: WEBSOCKET` (its `Route` and `Integration` resources), SAM's
 * `AWS::Serverless::WebSocketApi` (`Routes`), and the Serverless Framework's `websocket` events (one API).
 */
export function webSocketApisOf(values: TemplateValues, notes: string[]): WebSocketApiSpec[] {
  const template = values.template;
  const apis: WebSocketApiSpec[] = [];
  for (const resource of template.resources) {
    if (resource.origin !== 'written') continue;
    if (resource.type === PLAIN_API && isWebSocket(values, resource)) apis.push(plainApi(values, resource, notes));
    if (resource.type === SAM_WEBSOCKET_API) apis.push(samApi(values, resource, notes));
  }
  if (template.serverless) {
    const api = serverlessApi(values, notes);
    if (api) apis.push(api);
  }
  return apis;
}

function isWebSocket(values: TemplateValues, resource: Resource): boolean {
  return values.text(valueOf(resource.properties, 'ProtocolType'))?.toUpperCase() === 'WEBSOCKET';
}

function selectionOf(values: TemplateValues, resource: Resource, notes: string[]): string {
  const expression = values.text(valueOf(resource.properties, 'RouteSelectionExpression'));
  if (expression === undefined)
    notes.push(`The RouteSelectionExpression of ${resource.logicalId} cannot be read; every message goes to $default.`);
  return expression ?? '';
}

function plainApi(values: TemplateValues, api: Resource, notes: string[]): WebSocketApiSpec {
  const routes: WebSocketRoute[] = [];
  for (const written of writtenV2Routes(values, api)) {
    const declaredBy = `${written.declaredBy} of ${api.logicalId}`;
    if (!written.functionId) {
      notes.push(
        `${declaredBy} (${written.routeKey}) is not served: only Lambda proxy integrations of this template's ` +
          'functions run locally.',
      );
      continue;
    }
    if (written.routeKey === CONNECT && written.authorizationType === 'CUSTOM') noteAuthorizer(declaredBy, notes);
    routes.push({
      routeKey: written.routeKey,
      functionId: written.functionId,
      twoWay: written.routeResponseSelection !== undefined,
      declaredBy,
    });
  }
  return {
    id: api.logicalId,
    stage: writtenV2Stage(values, api) ?? DEFAULT_STAGE,
    selectionExpression: selectionOf(values, api, notes),
    routes,
  };
}

/** SAM `Routes: {$connect: {FunctionArn: !GetAtt Fn.Arn}}` (SAM developer guide, "AWS::Serverless::WebSocketApi"). */
function samApi(values: TemplateValues, api: Resource, notes: string[]): WebSocketApiSpec {
  const routes: WebSocketRoute[] = [];
  for (const { key, value } of mapAt(api.properties, 'Routes')?.entries ?? []) {
    const declaredBy = `route ${key} of ${api.logicalId}`;
    const functionId = values.functionOf(valueOf(value, 'FunctionArn'));
    if (!functionId) {
      notes.push(`${declaredBy} is not served: its FunctionArn names no function of this template.`);
      continue;
    }
    routes.push({
      routeKey: key,
      functionId,
      twoWay: valueOf(value, 'RouteResponseSelectionExpression') !== undefined,
      declaredBy,
    });
  }
  if (values.text(valueOf(mapAt(api.properties, 'Auth'), 'AuthType'))?.toUpperCase() === 'CUSTOM')
    noteAuthorizer(`route $connect of ${api.logicalId}`, notes);
  return {
    id: api.logicalId,
    stage: values.text(valueOf(api.properties, 'StageName')) ?? DEFAULT_STAGE,
    selectionExpression: selectionOf(values, api, notes),
    routes,
  };
}

/** The framework's `websocket` events, which share one API (`WebsocketsApi`) on the service's stage. */
function serverlessApi(values: TemplateValues, notes: string[]): WebSocketApiSpec | undefined {
  const serverless = values.template.serverless!;
  const routes: WebSocketRoute[] = [];
  for (const view of values.template.functions) {
    for (const event of view.events) {
      if (event.type !== 'WebSocket') continue;
      const declaredBy = `event ${event.name} of ${view.displayName}`;
      const routeKey = values.text(valueOf(event.properties, 'Route'));
      if (routeKey === undefined) {
        notes.push(`${declaredBy} is left out: its route cannot be read without AWS.`);
        continue;
      }
      if (routeKey === CONNECT && valueOf(event.properties, 'Authorizer')) noteAuthorizer(declaredBy, notes);
      routes.push({
        routeKey,
        functionId: view.logicalId,
        twoWay: valueOf(event.properties, 'RouteResponseSelectionExpression') !== undefined,
        declaredBy,
      });
    }
  }
  if (routes.length === 0) return undefined;
  const provider = mapAt(serverless.resolved, 'provider');
  return {
    id: naming.websocketsApi,
    stage: serverless.stage,
    selectionExpression:
      values.text(valueOf(provider, 'websocketsApiRouteSelectionExpression')) ?? SERVERLESS_SELECTION,
    routes,
  };
}

function noteAuthorizer(declaredBy: string, notes: string[]): void {
  notes.push(`${declaredBy} has a Lambda authorizer, which is not run locally: connections are accepted without it.`);
}
