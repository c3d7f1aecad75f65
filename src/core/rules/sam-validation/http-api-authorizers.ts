import { entryOf, mapAt } from '../../model/nodes';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * An HTTP API authorizer is a JWT authorizer when it has `JwtConfiguration`, else a Lambda authorizer, which needs
 * its function and the payload format it is called with (SAM developer guide, "HttpApiAuth", "LambdaAuthorizer":
 * FunctionArn and AuthorizerPayloadFormatVersion are required; EnableFunctionDefaultPermissions is for Lambda).
 */
const LAMBDA_NEEDS = ['FunctionArn', 'AuthorizerPayloadFormatVersion'];
const LAMBDA_ONLY = 'EnableFunctionDefaultPermissions';

export const httpApiAuthorizers: SamCheck = {
  messages: {
    lambdaAuthorizerNeeds:
      "Authorizer '{{name}}' has no JwtConfiguration, so it is a Lambda authorizer, which needs {{missing}}.",
    lambdaOnlySetting:
      "{{setting}} is only for Lambda authorizers; '{{name}}' is a JWT authorizer (it has JwtConfiguration).",
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::HttpApi')) {
      for (const authorizer of mapAt(mapAt(properties, 'Auth'), 'Authorizers')?.entries ?? []) {
        if (authorizer.value.kind !== 'map') continue;
        const name = authorizer.key;
        if (entryOf(authorizer.value, 'JwtConfiguration')) {
          const setting = entryOf(authorizer.value, LAMBDA_ONLY);
          if (setting)
            report({
              messageId: 'lambdaOnlySetting',
              data: { setting: LAMBDA_ONLY, name },
              span: setting.keySpan,
              logicalId: resource.logicalId,
            });
          continue;
        }
        const missing = LAMBDA_NEEDS.filter((k) => !entryOf(authorizer.value, k));
        if (missing.length)
          report({
            messageId: 'lambdaAuthorizerNeeds',
            data: { name, missing: missing.join(' and ') },
            span: authorizer.keySpan,
            logicalId: resource.logicalId,
          });
      }
    }
  },
};
