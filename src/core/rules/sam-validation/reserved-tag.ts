import { mapAt } from '../../model/nodes';
import type { SamCheck } from './check';

/**
 * The tag SAM puts on every resource it creates for a SAM resource (SAM developer guide, "AWS::Serverless::Function",
 * Tags: "AWS SAM automatically adds a lambda:createdBy:SAM tag"); a template may not set it itself.
 */
const SAM_TAG = 'lambda:createdBy';

export const reservedTag: SamCheck = {
  messages: {
    reservedTag: "Tag '{{tag}}' is reserved: SAM sets it on what it creates, so choose another key.",
  },
  check(template, report) {
    for (const resource of template.resources) {
      if (resource.origin !== 'written' || !resource.type.startsWith('AWS::Serverless::')) continue;
      const tag = mapAt(resource.properties, 'Tags')?.entries.find((e) => e.key === SAM_TAG);
      if (tag)
        report({ messageId: 'reservedTag', data: { tag: SAM_TAG }, span: tag.keySpan, logicalId: resource.logicalId });
    }
  },
};
