import type { SamCheck } from './check';

/**
 * SAM names what it generates after the resource that causes it (`<Function>Role`, `<Function><Event>Permission`,
 * SAM developer guide, "Generated AWS CloudFormation resources for AWS SAM"); a written resource under that name
 * leaves the transform two resources with one logical ID, which it refuses.
 */
export const generatedIdConflict: SamCheck = {
  messages: {
    idTaken:
      "Logical ID '{{id}}' is taken: for '{{producer}}', {{reason}} and names it '{{id}}' ({{type}}), so the " +
      'transform would have two resources with one ID. Rename this resource.',
  },
  check(template, report) {
    for (const conflict of template.generatedIdConflicts ?? []) {
      const written = template.resourceById.get(conflict.logicalId);
      const producer = template.resourceById.get(conflict.generatedBy);
      if (!written || written.origin !== 'written') continue;
      report({
        messageId: 'idTaken',
        data: { type: conflict.type, id: conflict.logicalId, producer: conflict.generatedBy, reason: conflict.reason },
        span: written.idSpan,
        logicalId: written.logicalId,
        related: producer
          ? [{ span: producer.idSpan, message: `${conflict.generatedBy} makes SAM generate ${conflict.logicalId}` }]
          : [],
      });
    }
  },
};
