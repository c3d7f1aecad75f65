import type { Node } from '../model/nodes';
import { itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import type { Resource } from '../model/template';
import type { GraphEdge } from './graph';

export const CONNECTOR_TYPE = 'AWS::Serverless::Connector';

/**
 * SAM connectors say "Source may Read/Write Destination": the picture draws that as a permission edge from
 * source to destination instead of a connector box with two references. Both the `AWS::Serverless::Connector`
 * resource and the `Connectors` attribute of any resource (whose source is that resource) count.
 */
export function connectorEdges(resources: readonly Resource[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const resource of resources) {
    if (resource.type === CONNECTOR_TYPE) {
      const source = endpointId(valueOf(resource.properties, 'Source'));
      if (source) edges.push(...edgesTo(source, resource.properties));
    }
    for (const entry of mapAt(resource.node, 'Connectors')?.entries ?? []) {
      edges.push(...edgesTo(resource.logicalId, mapAt(entry.value, 'Properties')));
    }
  }
  return edges;
}

function edgesTo(source: string, properties: Node | undefined): GraphEdge[] {
  const destination = valueOf(properties, 'Destination');
  const destinations = destination?.kind === 'seq' ? itemsOf(destination) : destination ? [destination] : [];
  const permissions = itemsOf(valueOf(properties, 'Permissions')).map(stringOf).filter(Boolean).join(', ');
  return destinations.flatMap((d) => {
    const to = endpointId(d);
    return to ? [{ from: source, to, kind: 'permission' as const, label: `Connector: ${permissions}` }] : [];
  });
}

/** `{ Id: LogicalId }`; endpoints given by ARN or name are outside the template and not drawn. */
function endpointId(endpoint: Node | undefined): string | undefined {
  return stringOf(valueOf(endpoint, 'Id'));
}
