import type { MapNode, Node } from '../../model/nodes';
import { entryOf, itemsOf, stringOf } from '../../model/nodes';
import type { Template } from '../../model/template';
import type { SamCheck, SamProblem } from './check';
import { samResources } from './check';

/**
 * A connector endpoint names a resource of the template by `Id` (with an optional `Qualifier`), or describes one
 * with `Type` and its `Arn`, `Name`, `RoleName`, ... (SAM developer guide, "AWS::Serverless::Connector",
 * "ResourceReference": "If you specify Id, do not specify other properties besides Qualifier").
 */
const WITH_ID = ['Id', 'Qualifier'];
const ENDPOINTS = ['Source', 'Destination'];

export const connectorEndpoints: SamCheck = {
  messages: {
    idWithOthers:
      '{{endpoint}} names a resource by Id, so it takes no other properties than Qualifier (it also has {{others}}).',
    idUnknown: "{{endpoint}} Id '{{id}}' is not a resource of this template.",
    typeMissing: '{{endpoint}} without Id needs Type, the type of the resource it describes.',
    noDestination: 'Destination is an empty list: a connector needs at least one destination.',
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::Connector')) {
      const at = (messageId: string, span: SamProblem['span'], data?: SamProblem['data']): void =>
        report({ messageId, span, data, logicalId: resource.logicalId });
      for (const endpoint of ENDPOINTS) {
        const entry = entryOf(properties, endpoint);
        if (!entry) continue;
        if (entry.value.kind === 'seq' && entry.value.items.length === 0 && endpoint === 'Destination')
          at('noDestination', entry.value.span);
        const references = entry.value.kind === 'seq' ? itemsOf(entry.value) : [entry.value];
        for (const reference of references) checkReference(template, endpoint, reference, at);
      }
    }
  },
};

function checkReference(
  template: Template,
  endpoint: string,
  reference: Node,
  at: (messageId: string, span: SamProblem['span'], data?: SamProblem['data']) => void,
): void {
  if (reference.kind !== 'map') return;
  const id = entryOf(reference, 'Id');
  if (!id) {
    if (!entryOf(reference, 'Type') && !hasIntrinsicKey(reference)) at('typeMissing', reference.span, { endpoint });
    return;
  }
  const others = reference.entries.filter((e) => !WITH_ID.includes(e.key));
  if (others.length) at('idWithOthers', others[0].keySpan, { endpoint, others: others.map((e) => e.key).join(', ') });
  const name = id.value.kind === 'scalar' ? stringOf(id.value) : undefined;
  if (name !== undefined && !template.resourceById.has(name)) at('idUnknown', id.value.span, { endpoint, id: name });
}

function hasIntrinsicKey(reference: MapNode): boolean {
  return reference.entries.some((e) => e.key.startsWith('Fn::'));
}
