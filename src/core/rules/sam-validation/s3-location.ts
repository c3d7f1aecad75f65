import { entryOf, stringOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * Where SAM resources take a file: a local path that `sam package` uploads, or the S3 object it was uploaded to
 * (`s3://bucket/key`, SAM developer guide, "FunctionCode", "S3Location"). A URL of another scheme is neither.
 */
const LOCATIONS: readonly { readonly type: string; readonly property: string }[] = [
  { type: 'AWS::Serverless::Function', property: 'CodeUri' },
  { type: 'AWS::Serverless::LayerVersion', property: 'ContentUri' },
  { type: 'AWS::Serverless::Api', property: 'DefinitionUri' },
  { type: 'AWS::Serverless::HttpApi', property: 'DefinitionUri' },
  { type: 'AWS::Serverless::StateMachine', property: 'DefinitionUri' },
];
const URL_SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
const S3_OBJECT = /^s3:\/\/[^/?]+\/[^?]+/;

export const s3Location: SamCheck = {
  messages: {
    notS3:
      "{{property}} '{{value}}' is a {{scheme}} URL; use a local path that sam package uploads, or s3://bucket/key.",
    s3WithoutKey: "{{property}} '{{value}}' names no object: an S3 location is s3://bucket/key.",
  },
  check(template, report) {
    for (const { type, property } of LOCATIONS) {
      for (const { resource, properties } of samResources(template, type)) {
        const entry = entryOf(properties, property);
        const value = entry?.value.kind === 'scalar' ? stringOf(entry.value) : undefined;
        const scheme = value === undefined ? undefined : URL_SCHEME.exec(value)?.[1];
        if (!entry || value === undefined || scheme === undefined) continue;
        const data = { property, value, scheme };
        if (scheme.toLowerCase() !== 's3')
          report({ messageId: 'notS3', data, span: entry.value.span, logicalId: resource.logicalId });
        else if (!S3_OBJECT.test(value))
          report({ messageId: 's3WithoutKey', data, span: entry.value.span, logicalId: resource.logicalId });
      }
    }
  },
};
