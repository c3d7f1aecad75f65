import type { PermissionAnalysis } from '../permissions';
import type { AccessEdge } from './graph';

/**
 * What the permissions analysis found, as graph edges: a function's Allow statements that name template
 * resources (`permission`: what it may touch) and the SDK calls its code makes on them (`code-call`: what it
 * does touch). One edge per function, resource and kind, carrying every action. Types only from the
 * permissions core, so the graph never loads that chunk itself.
 */
export function accessEdges(analysis: PermissionAnalysis): AccessEdge[] {
  const edges = new Map<
    string,
    { functionId: string; resourceId: string; kind: AccessEdge['kind']; actions: Set<string> }
  >();
  const add = (functionId: string, resourceId: string, kind: AccessEdge['kind'], actions: readonly string[]): void => {
    const key = `${functionId}\u0000${resourceId}\u0000${kind}`;
    const edge = edges.get(key) ?? { functionId, resourceId, kind, actions: new Set<string>() };
    for (const a of actions) edge.actions.add(a);
    edges.set(key, edge);
  };
  for (const { fn, permissions, calls } of analysis.functions) {
    for (const statement of permissions.statements.filter((s) => s.effect === 'Allow')) {
      for (const resource of statement.resources ?? []) {
        for (const id of resource.resourceIds) add(fn.logicalId, id, 'permission', statement.actions ?? []);
      }
    }
    for (const call of calls) {
      for (const id of call.resource?.resourceIds ?? []) add(fn.logicalId, id, 'code-call', call.actions);
    }
  }
  return [...edges.values()].map((e) => ({ ...e, actions: [...e.actions] }));
}
