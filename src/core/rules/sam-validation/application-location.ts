import { entryOf, mapAt, stringOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * SAM looks the application up in the Serverless Application Repository while it transforms, before CloudFormation
 * resolves anything, so it can only follow `Ref` to a parameter and `Fn::FindInMap` (SAM developer guide,
 * "AWS::Serverless::Application", Location), and never a dynamic reference (`{{resolve:...}}`).
 */
const RESOLVABLE = ['Ref', 'Fn::FindInMap'];
const DYNAMIC_REFERENCE = /\{\{resolve:/;
const LOCATION_PARTS = ['ApplicationId', 'SemanticVersion'];

export const applicationLocation: SamCheck = {
  messages: {
    locationDynamic:
      '{{part}} cannot be a dynamic reference: SAM looks the application up before CloudFormation resolves it.',
    locationIntrinsic:
      '{{part}} cannot be computed with {{fn}}: SAM looks the application up before deploying and can only ' +
      'follow Ref and Fn::FindInMap.',
    locationBlank: '{{part}} cannot be blank.',
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::Application')) {
      const location = mapAt(properties, 'Location');
      for (const part of LOCATION_PARTS) {
        const entry = entryOf(location, part);
        if (!entry) continue;
        const value = entry.value;
        const at = (messageId: string, data: Record<string, string>): void =>
          report({ messageId, data: { part, ...data }, span: value.span, logicalId: resource.logicalId });
        if (value.kind === 'intrinsic' && !RESOLVABLE.includes(value.name)) at('locationIntrinsic', { fn: value.name });
        else if (value.kind === 'scalar' && (value.value === null || stringOf(value) === '')) at('locationBlank', {});
        else if (value.kind === 'scalar' && DYNAMIC_REFERENCE.test(stringOf(value) ?? '')) at('locationDynamic', {});
      }
    }
  },
};
