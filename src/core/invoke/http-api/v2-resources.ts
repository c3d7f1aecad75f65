import { valueOf } from '../../model/nodes';
import { resourceNamedBy, resourcesNamedBy } from '../../model/references';
import type { Resource } from '../../model/template';
import type { TemplateValues } from './template-values';

const ROUTE = 'AWS::ApiGatewayV2::Route';
const INTEGRATION = 'AWS::ApiGatewayV2::Integration';
const STAGE = 'AWS::ApiGatewayV2::Stage';

/** A route of a plain CloudFormation `AWS::ApiGatewayV2::Api`, with what its target integration calls. */
export interface WrittenV2Route {
  /** `GET /items/{id}`, `$default`; for a WebSocket API `$connect`, `sendMessage`, ... */
  readonly routeKey: string;
  /** The template's function a Lambda proxy integration calls; undefined for any other target. */
  readonly functionId: string | undefined;
  /** The integration's `PayloadFormatVersion` (HTTP APIs). */
  readonly payloadFormat: string | undefined;
  /** `NONE`, `AWS_IAM`, `CUSTOM`, `JWT`. */
  readonly authorizationType: string | undefined;
  /** WebSocket routes: set when the route answers the client (a two-way route). */
  readonly routeResponseSelection: string | undefined;
  /** "route SendRoute", or the API itself for a quick-create route. */
  readonly declaredBy: string;
}

function belongsTo(values: TemplateValues, resource: Resource, api: Resource): boolean {
  return resourceNamedBy(values.template, valueOf(resource.properties, 'ApiId'))?.logicalId === api.logicalId;
}

/**
 * The API's `AWS::ApiGatewayV2::Route` resources: each `Target` is `integrations/<IntegrationId>` (a `Join` or `Sub`
 * naming the `AWS::ApiGatewayV2::Integration`), whose `IntegrationUri` names the function (CloudFormation user
 * guide, "AWS::ApiGatewayV2::Route" and "AWS::ApiGatewayV2::Integration"). An HTTP API made by quick create
 * (`Target` and `RouteKey` on the API) has one route to that function, `$default` unless `RouteKey` says otherwise.
 */
export function writtenV2Routes(values: TemplateValues, api: Resource): WrittenV2Route[] {
  const routes: WrittenV2Route[] = [];
  const quickTarget = valueOf(api.properties, 'Target');
  if (quickTarget) {
    routes.push({
      routeKey: values.text(valueOf(api.properties, 'RouteKey')) ?? '$default',
      functionId: values.functionOf(quickTarget),
      payloadFormat: undefined,
      authorizationType: undefined,
      routeResponseSelection: undefined,
      declaredBy: `the quick-create route of ${api.logicalId}`,
    });
  }
  for (const route of values.template.resources) {
    if (route.type !== ROUTE || !belongsTo(values, route, api)) continue;
    const props = route.properties;
    const routeKey = values.text(valueOf(props, 'RouteKey'));
    if (routeKey === undefined) continue;
    const integration = resourcesNamedBy(values.template, valueOf(props, 'Target')).find((r) => r.type === INTEGRATION);
    const proxy = values.text(valueOf(integration?.properties, 'IntegrationType'))?.toUpperCase() === 'AWS_PROXY';
    routes.push({
      routeKey,
      functionId: proxy ? values.functionOf(valueOf(integration?.properties, 'IntegrationUri')) : undefined,
      payloadFormat: values.text(valueOf(integration?.properties, 'PayloadFormatVersion')),
      authorizationType: values.text(valueOf(props, 'AuthorizationType'))?.toUpperCase(),
      routeResponseSelection: values.text(valueOf(props, 'RouteResponseSelectionExpression')),
      declaredBy: `route ${route.logicalId}`,
    });
  }
  return routes;
}

/** The name of the API's first `AWS::ApiGatewayV2::Stage`, if one is written and readable. */
export function writtenV2Stage(values: TemplateValues, api: Resource): string | undefined {
  const stage = values.template.resources.find((r) => r.type === STAGE && belongsTo(values, r, api));
  return values.text(valueOf(stage?.properties, 'StageName'));
}
