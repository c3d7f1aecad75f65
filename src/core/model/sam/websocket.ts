import { mapAt, stringOf, valueOf } from '../nodes';
import type { Resource } from '../template';
import {
  alphanumeric,
  entryCause,
  isAlphanumeric,
  hashedId,
  propertyCause,
  resourceCause,
  stringAt,
} from './collector';
import type { SamContext } from './context';
import { apiDomainResources } from './api';

/**
 * `AWS::Serverless::WebSocketApi`: a route, integration and permission per route (`$connect` → `Connect`),
 * the stage, the authorizer of `$connect` with its permission, and the custom domain.
 */
export function webSocketResources(ctx: SamContext, api: Resource): void {
  const id = api.logicalId;
  const props = api.properties;
  for (const entry of mapAt(props, 'Routes')?.entries ?? []) {
    const name = routeName(entry.key);
    const cause = entryCause(entry);
    ctx.out.add(`${id}${name}Route`, 'AWS::ApiGatewayV2::Route', id, `SAM creates the route ${entry.key}`, cause);
    ctx.out.add(
      `${id}${name}Integration`,
      'AWS::ApiGatewayV2::Integration',
      id,
      `SAM integrates the route ${entry.key} with its function`,
      cause,
    );
    ctx.out.add(
      `${id}${name}Permission`,
      'AWS::Lambda::Permission',
      id,
      `SAM lets API Gateway invoke the function of the route ${entry.key}`,
      cause,
    );
  }
  const stage = valueOf(props, 'StageName');
  const stageName = stringOf(stage);
  const stageId = !stage
    ? `${id}DefaultStage`
    : stageName !== undefined && isAlphanumeric(stageName)
      ? `${id}${stageName}Stage`
      : hashedId(`${id}Stage`, stageName ?? '');
  ctx.out.add(
    stageId,
    'AWS::ApiGatewayV2::Stage',
    id,
    'SAM creates the stage of the WebSocket API',
    resourceCause(api),
  );
  const auth = mapAt(props, 'Auth');
  if (stringAt(auth, 'AuthType') === 'CUSTOM') {
    const cause = propertyCause(api, 'Auth');
    ctx.out.add(
      `${id}ConnectAuthorizer`,
      'AWS::ApiGatewayV2::Authorizer',
      id,
      'SAM creates the Lambda authorizer of the $connect route',
      cause,
    );
    if (!valueOf(auth, 'InvokeRole')) {
      ctx.out.add(
        `${id}AuthorizerPermission`,
        'AWS::Lambda::Permission',
        id,
        'SAM lets API Gateway call the Lambda authorizer',
        cause,
      );
    }
  }
  apiDomainResources(ctx, api, 'http');
}

/** `$connect` → `Connect`, `send` → `Send`: the route key without symbols, capitalised. */
function routeName(key: string): string {
  const bare = alphanumeric(key);
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
