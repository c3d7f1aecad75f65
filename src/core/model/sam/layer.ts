import type { Node } from '../nodes';
import { toPlain, valueOf } from '../nodes';
import type { Resource } from '../template';
import { hashedId } from './collector';
import { parameterResolver, pythonJson } from './python-json';

/** Layer properties whose parameter references SAM resolves (with the parameters' defaults) before it hashes. */
const RESOLVED_PROPERTIES = ['LayerName', 'LicenseInfo', 'ContentUri', 'RetentionPolicy'];

/**
 * SAM renames a layer `<Layer><hash>` so that every change publishes a new version. The hash is SAM's
 * `LogicalIdGenerator` over the layer's JSON (Type, Condition, DependsOn and Properties after Globals),
 * which this rebuilds; the translator's tests agree except where a property uses a pseudo parameter such
 * as `AWS::Region`, whose value only the deploy knows.
 */
export function layerLogicalId(layer: Resource, parameterDefaults: ReadonlyMap<string, Node>): string {
  const properties = (layer.properties ? toPlain(layer.properties) : {}) as Record<string, unknown>;
  const resolve = parameterResolver(parameterDefaults);
  for (const name of RESOLVED_PROPERTIES) if (name in properties) properties[name] = resolve(properties[name]);
  const body: Record<string, unknown> = { Type: layer.type };
  const condition = valueOf(layer.node, 'Condition');
  if (condition) body.Condition = toPlain(condition);
  const dependsOn = valueOf(layer.node, 'DependsOn');
  if (dependsOn) body.DependsOn = toPlain(dependsOn);
  body.Properties = properties;
  return hashedId(layer.logicalId, pythonJson({ [layer.logicalId]: body }));
}
