import { booleanOf, entryOf, mapAt, stringOf } from '../../model/nodes';
import type { SamCheck, SamProblem } from './check';
import { samResources } from './check';

/** The origin CORS answers with when `AllowOrigin` is not set (SAM developer guide, "CorsConfiguration": `'*'`). */
const ANY_ORIGIN = "'*'";
/**
 * The document versions SAM writes: Swagger 2.0 or OpenAPI 3.x (SAM developer guide, "AWS::Serverless::Api",
 * OpenApiVersion: "Version of OpenApi to use ... 2.0 for the Swagger specification, or one of the OpenApi 3.0
 * versions").
 */
const OPENAPI_VERSION = /^[23]\.\d+(\.\d+)?$/;
const HOSTED_ZONE = ['HostedZoneId', 'HostedZoneName'];

/**
 * Settings of a REST or HTTP API that SAM must read before the deploy, so they cannot be left to CloudFormation:
 * the DefaultAuthorizer it looks up, the hosted zone of a Route 53 record, the stage and OpenAPI version it writes;
 * and CORS credentials, which browsers refuse with a wildcard origin (Fetch standard, "CORS protocol and credentials").
 */
export const apiSettings: SamCheck = {
  messages: {
    corsCredentials:
      'AllowCredentials: true needs an explicit AllowOrigin: browsers refuse credentials when the origin is ' +
      '{{origin}}.',
    authorizerNotName:
      'DefaultAuthorizer must be the name of one of the Auth.Authorizers, written as text: SAM looks it up ' +
      'before deploying, so {{what}} cannot name it.',
    route53Zone:
      "Route53 needs HostedZoneId or HostedZoneName: the hosted zone SAM creates the custom domain's record in.",
    stageEmpty: 'StageName cannot be empty.',
    openApiVersion: "OpenApiVersion '{{version}}' is not a Swagger (2.0) or OpenAPI 3 version such as 3.0.1.",
  },
  check(template, report) {
    for (const type of ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi']) {
      for (const { resource, properties } of samResources(template, type)) {
        const at = (messageId: string, span: SamProblem['span'], data?: SamProblem['data']): void =>
          report({ messageId, span, data, logicalId: resource.logicalId });
        const cors = mapAt(properties, 'Cors');
        const credentials = entryOf(cors, 'AllowCredentials');
        if (type === 'AWS::Serverless::Api' && credentials && booleanOf(credentials.value) === true) {
          const origin = entryOf(cors, 'AllowOrigin');
          if (!origin) at('corsCredentials', credentials.keySpan, { origin: `not set (so ${ANY_ORIGIN})` });
          else if (stringOf(origin.value) === ANY_ORIGIN)
            at('corsCredentials', origin.value.span, { origin: ANY_ORIGIN });
        }
        const defaultAuthorizer = entryOf(mapAt(properties, 'Auth'), 'DefaultAuthorizer');
        const authorizerValue = defaultAuthorizer?.value;
        if (authorizerValue && authorizerValue.kind !== 'scalar') {
          at('authorizerNotName', authorizerValue.span, {
            what:
              authorizerValue.kind === 'intrinsic'
                ? authorizerValue.name
                : `a ${authorizerValue.kind === 'map' ? 'map' : 'list'}`,
          });
        }
        const route53 = entryOf(mapAt(properties, 'Domain'), 'Route53');
        if (route53?.value.kind === 'map' && !HOSTED_ZONE.some((k) => entryOf(route53.value, k)))
          at('route53Zone', route53.keySpan);
        const stage = entryOf(properties, 'StageName');
        if (stage?.value.kind === 'scalar' && stringOf(stage.value) === '') at('stageEmpty', stage.value.span);
        const version = entryOf(properties, 'OpenApiVersion');
        const versionText =
          version?.value.kind === 'scalar' && typeof version.value.value === 'string' ? version.value.value : undefined;
        if (version && versionText !== undefined && !OPENAPI_VERSION.test(versionText))
          at('openApiVersion', version.value.span, { version: versionText });
      }
    }
  },
};
