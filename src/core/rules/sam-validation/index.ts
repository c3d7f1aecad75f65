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
  undefinedAuthorizer, ruleDeadLetterConfig, ruleStateAndEnabled, aliasRequired,
  eventApiReference, inlineDefinition, eventSourceAccess, webSocketApi, functionTenancy,
  duplicateEventTarget, s3BucketInTemplate, definitionBodyStructure,
  apiEventSettings, apiSettings, reservedTag, functionPackage, s3Location,
  policies, httpApiAuthorizers, invokeDestinations, applicationLocation,
  generatedIdConflict, connectorEndpoints,
];

const MESSAGES: Readonly<Record<string, string>> = Object.assign({}, ...CHECKS.map((c) => c.messages));

export const samValidation = defineRule({
  id: 'sam-validation',
  meta: {
    severity: 'error',
    kinds: ['sam'],
    docs: {
      summary: 'The SAM transform rejects how properties or resources fit together (an undefined authorizer, Models without an inline DefinitionBody, event properties that exclude each other).',
      why: 'The SAM transform runs before CloudFormation creates anything: one such error fails the whole deploy with "Invalid Serverless Application Specification document", and `sam validate` only says so after you run it.',
      fact: 'What the AWS SAM transform (AWS::Serverless-2016-10-31) accepts, as the AWS SAM developer guide describes each resource and event property ("AWS SAM resources and properties").',
      example: 'Events:\n  Get:\n    Type: Api\n    Properties:\n      Path: /\n      Method: get\n      Auth:\n        Authorizer: MyAuth   # MyApi defines no Auth.Authorizers',
      fix: 'Do what the message says: define what is referred to, remove one of two properties that exclude each other, or move the property to where SAM reads it.',
    },
  },
  messages: MESSAGES,
  check(context) {
    const text = context.template.text;
    for (const check of CHECKS) {
      check.check(context.template, (problem) => context.report({ ...problem, span: withoutTrailingSpace(text, problem.span) }));
    }
  },
});

/** A block map or list ends after its last line break; the highlight should end with its last character. */
function withoutTrailingSpace(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text.charAt(end - 1))) end--;
  return end === span.end ? span : { start: span.start, end };
}
