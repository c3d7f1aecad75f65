import { mapAt } from '../../model/nodes';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * SAM writes `GatewayResponses` into the API's OpenAPI document while it transforms, so each response must be written
 * out, and its `ResponseParameters` are grouped as API Gateway maps them (SAM developer guide, "GatewayResponses":
 * "ResponseParameters ... Headers, Paths, QueryStrings").
 */
const PARAMETER_GROUPS = ['Headers', 'Paths', 'QueryStrings'];

export const gatewayResponses: SamCheck = {
  messages: {
    responseIntrinsic:
      'Gateway response {{name}} cannot be computed with {{fn}}: SAM writes it into the API definition before ' +
      'CloudFormation evaluates anything.',
    parameterGroup:
      "ResponseParameters of {{name}} groups parameters under Headers, Paths and QueryStrings, not '{{group}}'.",
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::Api')) {
      for (const response of mapAt(properties, 'GatewayResponses')?.entries ?? []) {
        const name = response.key;
        if (response.value.kind === 'intrinsic') {
          report({
            messageId: 'responseIntrinsic',
            data: { name, fn: response.value.name },
            span: response.value.nameSpan,
            logicalId: resource.logicalId,
          });
          continue;
        }
        for (const group of mapAt(response.value, 'ResponseParameters')?.entries ?? []) {
          if (!PARAMETER_GROUPS.includes(group.key))
            report({
              messageId: 'parameterGroup',
              data: { name, group: group.key },
              span: group.keySpan,
              logicalId: resource.logicalId,
            });
        }
      }
    }
  },
};
