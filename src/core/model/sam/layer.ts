import type { Node } from '../nodes';
import { toPlain, valueOf } from '../nodes';
import type { Resource } from '../template';
import { hashedId } from './collector';

/** Layer properties whose parameter references SAM resolves (with the parameters' defaults) before it hashes. */
const RESOLVED_PROPERTIES = ['LayerName', 'LicenseInfo', 'ContentUri', 'RetentionPolicy'];

/**
 * SAM renames a layer `<Layer><hash>` so that every change publishes a new version. The hash is SAM's
 * `LogicalIdGenerator` over the layer as Python's `json.dumps(sort_keys=True)` writes it (Type, Condition,
 * DependsOn and Properties after Globals), which this reproduces; the translator's tests agree except where
 * a property uses a pseudo parameter such as `AWS::Region`, whose value only the deploy knows.
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

/** `{Ref: P}` → P's default, `{Fn::Sub: '...${P}...'}` with P's default substituted; others stay. */
function parameterResolver(defaults: ReadonlyMap<string, Node>): (value: unknown) => unknown {
  const plain = (name: string): unknown => {
    const node = defaults.get(name);
    return node ? toPlain(node) : undefined;
  };
  return (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const object = value as Record<string, unknown>;
    if (typeof object.Ref === 'string') return plain(object.Ref) ?? value;
    if (typeof object['Fn::Sub'] === 'string') {
      return { 'Fn::Sub': object['Fn::Sub'].replace(/\$\{([^}!.]+)\}/g, (m, name: string) => String(plain(name) ?? m)) };
    }
    return value;
  };
}

/** `json.dumps(value, separators=(",", ":"), sort_keys=True)`: sorted keys, ASCII only. */
function pythonJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
