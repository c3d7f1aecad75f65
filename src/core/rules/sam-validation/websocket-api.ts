import type { MapEntry } from '../../model/nodes';
import { entryOf, mapAt, stringOf } from '../../model/nodes';
import type { SamCheck, SamProblem } from './check';
import { samResources } from './check';

/**
 * What `AWS::Serverless::WebSocketApi` accepts (SAM developer guide, "AWS::Serverless::WebSocketApi"; API Gateway
 * developer guide, "WebSocket API routes": the special routes, and authorization only on `$connect`).
 */
const CONNECT = '$connect';
const SPECIAL_ROUTES = ['$connect', '$disconnect', '$default'];
const AUTH_TYPES = ['AWS_IAM', 'CUSTOM', 'NONE'];
/** A Lambda authorizer is the only kind with settings of its own (AuthArn, IdentitySource, InvokeRole, ...). */
const CONFIGURABLE_AUTH = 'CUSTOM';
const IP_ADDRESS_TYPES = ['ipv4', 'dualstack'];
/** `$default` is the stage name HTTP APIs reserve for auto-deploy; WebSocket APIs cannot have it. */
const RESERVED_STAGE = '$default';

export const webSocketApi: SamCheck = {
  messages: {
    wsNoRoutes: 'A WebSocket API needs at least one route in Routes.',
    wsSpecialRoute:
      "Route key '{{key}}' starts with '$', which only the special routes $connect, $disconnect and $default may.",
    wsRouteFunction: "Route '{{key}}' needs FunctionArn, the function that handles its messages.",
    wsRequestParameters: "RequestParameters are only read on the $connect route, not on '{{key}}'.",
    wsAuthWithoutConnect: 'Authorization happens when a client connects, so Auth needs a $connect route in Routes.',
    wsAuthTypeMissing: 'Auth sets {{keys}} but no AuthType; set AuthType: CUSTOM for a Lambda authorizer.',
    wsAuthType: "AuthType '{{type}}' is not one of AWS_IAM, CUSTOM or NONE.",
    wsAuthSettings: 'AuthType {{type}} takes no other settings ({{keys}}); only a CUSTOM (Lambda) authorizer does.',
    wsAuthArn: 'AuthType CUSTOM needs AuthArn, the Lambda authorizer function.',
    wsStageName: "A WebSocket API stage cannot be named '$default'.",
    wsIpAddressType: "IpAddressType must be 'ipv4' or 'dualstack', not '{{value}}'.",
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::WebSocketApi')) {
      const at = (messageId: string, span: SamProblem['span'], data?: SamProblem['data']): void =>
        report({ messageId, span, data, logicalId: resource.logicalId });
      const routes = entryOf(properties, 'Routes');
      const routeMap = mapAt(properties, 'Routes');
      if (routes && routeMap?.entries.length === 0) at('wsNoRoutes', routes.keySpan);
      for (const route of routeMap?.entries ?? []) {
        if (route.key.startsWith('$') && !SPECIAL_ROUTES.includes(route.key))
          at('wsSpecialRoute', route.keySpan, { key: route.key });
        if (route.value.kind === 'map' && !entryOf(route.value, 'FunctionArn'))
          at('wsRouteFunction', route.keySpan, { key: route.key });
        const parameters = entryOf(route.value, 'RequestParameters');
        if (parameters && route.key !== CONNECT) at('wsRequestParameters', parameters.keySpan, { key: route.key });
      }
      const auth = entryOf(properties, 'Auth');
      if (auth?.value.kind === 'map')
        checkAuth(auth, routeMap ? routeMap.entries.some((r) => r.key === CONNECT) : true, at);
      const stage = entryOf(properties, 'StageName');
      if (stage && stringOf(stage.value) === RESERVED_STAGE) at('wsStageName', stage.value.span);
      const ip = entryOf(properties, 'IpAddressType');
      const ipValue = ip?.value.kind === 'scalar' ? stringOf(ip.value) : undefined;
      if (ip && ipValue !== undefined && !IP_ADDRESS_TYPES.includes(ipValue))
        at('wsIpAddressType', ip.value.span, { value: ipValue });
    }
  },
};

function checkAuth(
  auth: MapEntry,
  hasConnect: boolean,
  at: (messageId: string, span: SamProblem['span'], data?: SamProblem['data']) => void,
): void {
  if (auth.value.kind !== 'map') return;
  if (!hasConnect) at('wsAuthWithoutConnect', auth.keySpan);
  const type = entryOf(auth.value, 'AuthType');
  const others = auth.value.entries.filter((e) => e.key !== 'AuthType');
  const keys = others.map((e) => e.key).join(', ');
  if (!type) {
    if (others.length) at('wsAuthTypeMissing', auth.keySpan, { keys });
    return;
  }
  if (type.value.kind !== 'scalar') return;
  const name = stringOf(type.value) ?? '';
  if (!AUTH_TYPES.includes(name)) at('wsAuthType', type.value.span, { type: name });
  else if (name !== CONFIGURABLE_AUTH && others.length) at('wsAuthSettings', type.value.span, { type: name, keys });
  else if (name === CONFIGURABLE_AUTH && !entryOf(auth.value, 'AuthArn')) at('wsAuthArn', type.value.span);
}
