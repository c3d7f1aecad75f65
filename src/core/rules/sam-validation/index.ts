import type { Span } from '../../model/nodes';
import { defineRule } from '../define';
import type { SamCheck } from './check';
import { aliasRequired } from './alias-required';
import { apiEventSettings } from './api-event-settings';
import { apiSettings } from './api-settings';
import { applicationLocation } from './application-location';
import { connectorEndpoints } from './connector-endpoints';
import { definitionBodyStructure } from './definition-body-structure';
import { duplicateEventTarget } from './duplicate-event-target';
import { eventApiReference } from './event-api-reference';
import { eventSourceAccess } from './event-source-access';
import { functionPackage } from './function-package';
import { functionTenancy } from './function-tenancy';
import { gatewayResponses } from './gateway-responses';
import { generatedIdConflict } from './generated-id-conflict';
import { httpApiAuthorizers } from './http-api-authorizers';
import { inlineDefinition } from './inline-definition';
import { invokeDestinations } from './invoke-destinations';
import { policies } from './policies';
import { ruleDeadLetterConfig } from './rule-dead-letter-config';
import { ruleStateAndEnabled } from './rule-state-and-enabled';
import { reservedTag } from './reserved-tag';
import { s3BucketInTemplate } from './s3-bucket-in-template';
import { s3Location } from './s3-location';
import { undefinedAuthorizer } from './undefined-authorizer';
import { webSocketApi } from './websocket-api';

/** The checks, each a file that knows one family of what the SAM transform rejects. */
const CHECKS: readonly SamCheck[] = [
  undefinedAuthorizer,
  ruleDeadLetterConfig,
  ruleStateAndEnabled,
  aliasRequired,
  eventApiReference,
  inlineDefinition,
  eventSourceAccess,
  webSocketApi,
  functionTenancy,
  duplicateEventTarget,
  s3BucketInTemplate,
  definitionBodyStructure,
  apiEventSettings,
  apiSettings,
  reservedTag,
  functionPackage,
  s3Location,
  policies,
  httpApiAuthorizers,
  invokeDestinations,
  applicationLocation,
  generatedIdConflict,
  connectorEndpoints,
  gatewayResponses,
];

const MESSAGES: Readonly<Record<string, string>> = Object.assign({}, ...CHECKS.map((c) => c.messages));

export const samValidation = defineRule({
  id: 'sam-validation',
  meta: {
    severity: 'error',
    kinds: ['sam'],
    docs: {
      summary:
        'Something the SAM transform rejects because properties or resources do not fit together: an authorizer ' +
        'or request model that is not defined, an event on an API that is not a SAM API of the template, event ' +
        'settings that exclude each other, features that need AutoPublishAlias or an inline DefinitionBody.',
      why:
        'The SAM transform runs before CloudFormation creates anything: one such error fails the whole deploy ' +
        'with "Invalid Serverless Application Specification document", and `sam validate` only says so when you ' +
        'run it.',
      fact:
        'What the AWS SAM transform (AWS::Serverless-2016-10-31) accepts, as the AWS SAM developer guide ' +
        'describes each resource and event property ("AWS SAM resources and properties"). One check per family ' +
        'in src/core/rules/sam-validation/: authorizers, request models and API keys of Api events; ' +
        'RestApiId/ApiId, S3 buckets and connector Ids that must be resources of the template; properties that ' +
        'need an inline OpenAPI DefinitionBody and the shape of that document; dead-letter configs and ' +
        'State/Enabled of rule events; AutoPublishAlias for DeploymentPreference and VersionDeletionPolicy; ' +
        'SourceAccessConfigurations of MQ, DocumentDB and Kafka events; WebSocket routes and authorization; ' +
        'tenant isolation; one event per API method or Cognito trigger; Runtime/Handler or ImageUri by package ' +
        'type; S3 locations; Policies and policy templates; HTTP API Lambda authorizers; gateway responses; ' +
        'invoke destinations; Serverless Application locations; the reserved lambda:createdBy tag; logical IDs ' +
        'SAM generates that the template already uses. Property types, unknown properties, enums, required and ' +
        'mutually exclusive properties are the schema-* rules.',
      example:
        'MyApi:\n  Type: AWS::Serverless::Api\n  Properties:\n    StageName: prod\nMyFunction:\n  Type: ' +
        'AWS::Serverless::Function\n  Properties:\n    # ...\n    Events:\n      Get:\n        Type: Api\n       ' +
        ' Properties:\n          RestApiId: !Ref MyApi\n          Path: /\n          Method: get\n          ' +
        'Auth:\n            Authorizer: MyAuth   # MyApi defines no Auth.Authorizers',
      fix:
        'Do what the message says: define what is referred to, keep one of two settings that exclude each other, ' +
        'add the property the feature needs, or move the setting to where SAM reads it.',
    },
  },
  messages: MESSAGES,
  check(context) {
    const text = context.template.text;
    for (const check of CHECKS) {
      check.check(context.template, (problem) =>
        context.report({ ...problem, span: withoutTrailingSpace(text, problem.span) }),
      );
    }
  },
});

/** A block map or list ends after its last line break; the highlight should end with its last character. */
function withoutTrailingSpace(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text.charAt(end - 1))) end--;
  return end === span.end ? span : { start: span.start, end };
}
