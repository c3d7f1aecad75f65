// The local HTTP API (`start-api`): API Gateway's routing, events, authorizers, CORS and response mapping in front
// of the local invoker.
export { LocalHttpApi, type LocalHttpApiOptions, type StartedApi } from './server';
export { requestTarget } from './request';
export { apiTableOf } from './routes';
export { Router, type RouteMatch } from './router';
export { proxyEvent, proxyEventV1, proxyEventV2 } from './events';
export { mapFunctionResponse, GATEWAY_ANSWERS, type HttpAnswer } from './responses';
export { AuthorizerRunner, policyDecision, methodArn } from './authorizers';
export { checkJwt } from './jwt';
export { API_GATEWAY_LIMITS } from './limits';
export type { ApiTable, Route, LocalApi, AuthorizerSpec, CorsPolicy, FunctionUrl } from './types';
export type { LocalRequest } from './request';
export type { WebSocketApiSpec, WebSocketRoute } from '../websocket-api/types';
