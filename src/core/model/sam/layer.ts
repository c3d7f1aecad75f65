import { toPlain, valueOf } from '../nodes';
import type { Resource } from '../template';
import { hashedId } from './collector';
import { resolveParameterRefs } from './parameter-values';
import { pythonJson } from './python-json';

/** Layer properties whose parameter references SAM resolves (see `samParameterValues`) before it hashes. */
const RESOLVED_PROPERTIES = ['LayerName', 'LicenseInfo', 'ContentUri', 'RetentionPolicy'];

/**
 * SAM renames a layer `<Layer><hash>` so that every change publishes a new version. The hash is SAM's
 * `LogicalIdGenerator` over the layer's JSON (Type, Condition, DependsOn and Properties after Globals),
 * which this rebuilds. A pseudo parameter such as `AWS::Region` is substituted only when the Region is known.
 */
export function layerLogicalId(layer: Resource, parameterValues: ReadonlyMap<string, unknown>): string {
  const properties = (layer.properties ? toPlain(layer.properties) : {}) as Record<string, unknown>;
  for (const name of RESOLVED_PROPERTIES) {
    if (name in properties) properties[name] = resolveParameterRefs(properties[name], parameterValues);
  }
  const body: Record<string, unknown> = { Type: layer.type };
  const condition = valueOf(layer.node, 'Condition');
  if (condition) body.Condition = toPlain(condition);
  const dependsOn = valueOf(layer.node, 'DependsOn');
  if (dependsOn) body.DependsOn = toPlain(dependsOn);
  body.Properties = properties;
  return hashedId(layer.logicalId, pythonJson({ [layer.logicalId]: body }));
}
