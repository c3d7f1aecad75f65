import type { MapNode, Node } from '../../model/nodes';
import { entryOf, itemsOf, toPlain } from '../../model/nodes';
import { expandPolicyTemplate, isPolicyTemplate } from '../../permissions/sam-templates';
import type { SamCheck } from './check';
import { samResources } from './check';

const WITH_POLICIES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/**
 * Each item of `Policies` is an AWS managed policy's name or ARN, an IAM policy document (with `Statement`), or a
 * SAM policy template with its parameters (SAM developer guide, "AWS::Serverless::Function", Policies; "AWS SAM
 * policy templates"). SAM expands templates when it transforms, so an unknown one or a missing parameter fails it.
 */
export const policies: SamCheck = {
  messages: {
    notPolicy: "'{{key}}' is neither a SAM policy template nor part of a policy document (a document has a Statement).",
    templateParameters: '{{name}} takes its parameters as a map ({{name}}: { ... }), not a single value.',
    templateInvalid: '{{message}}',
  },
  check(template, report) {
    for (const { resource, properties } of WITH_POLICIES.flatMap((type) => samResources(template, type))) {
      const list = entryOf(properties, 'Policies')?.value;
      if (!list) continue;
      const items = list.kind === 'seq' ? itemsOf(list) : [list];
      for (const item of items) {
        if (item.kind !== 'map' || entryOf(item, 'Statement')) continue;
        checkTemplates(item, (messageId, span, data) =>
          report({ messageId, span, data, logicalId: resource.logicalId }),
        );
      }
    }
  },
};

function checkTemplates(
  item: MapNode,
  at: (messageId: string, span: Node['span'], data: Record<string, string>) => void,
): void {
  for (const entry of item.entries) {
    if (!isPolicyTemplate(entry.key)) {
      at('notPolicy', entry.keySpan, { key: entry.key });
      continue;
    }
    const value = entry.value;
    if (value.kind === 'scalar' && value.value !== null) {
      at('templateParameters', value.span, { name: entry.key });
      continue;
    }
    if (value.kind !== 'map') continue;
    const expansion = expandPolicyTemplate(entry.key, toPlain(value) as Record<string, unknown>);
    if (!expansion.ok) at('templateInvalid', entry.keySpan, { message: expansion.message });
  }
}
