/** What the local HTTP API serves, read from a template: APIs, their routes, CORS and authorizers. */

import type { WebSocketApiSpec } from '../websocket-api/types';

/** `rest`: API Gateway REST API (SAM `Api`); `http`: HTTP API (SAM `HttpApi`); `url`: a Lambda function URL. */
export type ApiKind = 'rest' | 'http' | 'url';

/** Lambda proxy payload format: REST APIs always send 1.0; HTTP APIs 2.0 unless `PayloadFormatVersion: '1.0'`. */
export type PayloadFormat = '1.0' | '2.0';

export interface CorsPolicy {
  /** `*` or exact origins. */
  readonly allowOrigins: readonly string[];
  /** `*` or method names. */
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number | undefined;
  readonly allowCredentials: boolean;
}

/** Where an authorizer reads its identity: `$request.header.Authorization`, `method.request.querystring.q`, ... */
export interface IdentitySource {
  readonly in: 'header' | 'query' | 'stageVariable' | 'context';
  readonly name: string;
}

export type AuthorizerSpec =
  | {
      readonly kind: 'lambda';
      readonly name: string;
      /** REST `TOKEN` (one header), REST `REQUEST`, or an HTTP API Lambda authorizer (`http`). */
      readonly type: 'TOKEN' | 'REQUEST' | 'http';
      readonly functionId: string;
      readonly identity: readonly IdentitySource[];
      /** REST TOKEN authorizers: a token that does not match is refused (401) without calling the function. */
      readonly validation: string | undefined;
      /** 0: every request calls the authorizer. */
      readonly ttlSeconds: number;
      /** HTTP API authorizers: the event's payload format. */
      readonly payloadFormat: PayloadFormat;
      /** HTTP API authorizers with simple responses answer `{ isAuthorized, context }`. */
      readonly simpleResponses: boolean;
    }
  | {
      readonly kind: 'jwt';
      readonly name: string;
      readonly identity: readonly IdentitySource[];
      /** Undefined: not checked (a Cognito user pool authorizer of a REST API). */
      readonly issuer: string | undefined;
      readonly audience: readonly string[];
    }
  | { readonly kind: 'unsupported'; readonly name: string; readonly reason: string };

export interface LocalApi {
  /** The API's logical ID (for a function URL, the function's). */
  readonly id: string;
  readonly kind: ApiKind;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>> | null;
  readonly cors: CorsPolicy | undefined;
  readonly authorizers: ReadonlyMap<string, AuthorizerSpec>;
  /** REST APIs: request bodies of these media types reach the function base64-encoded. */
  readonly binaryMediaTypes: readonly string[];
}

export interface Route {
  readonly api: LocalApi;
  /** Upper case, or `ANY`. */
  readonly method: string;
  /** `/users/{id}`, `/{proxy+}`; `$default` for an HTTP API's catch-all route. */
  readonly path: string;
  readonly functionId: string;
  readonly payloadFormat: PayloadFormat;
  /** The authorizer's name in `api.authorizers`; undefined for none. */
  readonly authorizer: string | undefined;
  readonly apiKeyRequired: boolean;
  /** Where in the template the route was declared, in words: "event GetUser of UserFunction". */
  readonly declaredBy: string;
}

/** A function URL: every path and method goes to one function. */
export interface FunctionUrl {
  readonly api: LocalApi;
  readonly functionId: string;
  /** `AWS_IAM` URLs need signed requests, which are not checked locally (said in the log). */
  readonly authType: 'NONE' | 'AWS_IAM';
}

/**
 * A REST API method whose integration API Gateway answers itself (`type: mock` in an OpenAPI definition, as
 * hand-written CORS preflights are): the default response's status and its literal header values.
 */
export interface MockRoute {
  readonly api: LocalApi;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  readonly declaredBy: string;
}

export interface ApiTable {
  readonly routes: readonly Route[];
  readonly mockRoutes: readonly MockRoute[];
  readonly functionUrls: readonly FunctionUrl[];
  readonly webSocketApis: readonly WebSocketApiSpec[];
  /** What was left out and why, one sentence each. */
  readonly notes: readonly string[];
}
