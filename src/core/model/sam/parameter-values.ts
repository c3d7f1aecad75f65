import type { MapNode } from '../nodes';
import { mapAt, toPlain, valueOf } from '../nodes';
import type { ResolutionInputs } from '../resolve/types';

/**
 * The parameter values the SAM translator works with (samtranslator `SamParameterValues`): the values
 * given for the stack, each other parameter's `Default`, and the pseudo parameters `AWS::Region` and
 * `AWS::Partition` of the Region the template is deployed to. Without a known Region the pseudo
 * parameters stay out, so references to them are left as written rather than guessed.
 */
export function samParameterValues(
  root: MapNode | undefined,
  inputs: ResolutionInputs | undefined,
): ReadonlyMap<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, input] of Object.entries(inputs?.parameters ?? {})) values.set(name, input.value);
  for (const entry of mapAt(root, 'Parameters')?.entries ?? []) {
    const value = valueOf(entry.value, 'Default');
    if (value && !values.has(entry.key)) values.set(entry.key, toPlain(value));
  }
  const region = inputs?.region?.value;
  if (region) {
    values.set('AWS::Region', region);
    values.set('AWS::Partition', partitionOf(region));
  }
  return values;
}

/**
 * The partition of a Region, as ARNs spell it.
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** `${Name}`, `${Resource.Attribute}` or `${AWS::Pseudo}` in an `Fn::Sub` string, as the translator matches them. */
const SUB_REFERENCE = /\$\{([A-Za-z0-9.]+|AWS::[A-Z][A-Za-z]*)\}/g;

/**
 * SAM's `IntrinsicsResolver.resolve_parameter_refs` on a plain value, the one substitution the translator
 * makes before it hashes some logical IDs (custom domains, Route 53 record set groups, layers, function
 * versions): `{"Ref": P}` becomes P's value, and `${P}` inside an `Fn::Sub` string (the string form or the
 * first item of the list form) is replaced by it. Everything else, references to resources included,
 * stays as written. Not an evaluator: `Fn::Join`, `Fn::If` and the rest are left alone, as SAM leaves them.
 */
export function resolveParameterRefs(value: unknown, parameters: ReadonlyMap<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveParameterRefs(item, parameters));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof object.Ref === 'string' && parameters.has(object.Ref)) {
    return parameters.get(object.Ref);
  }
  const sub = keys.length === 1 ? object['Fn::Sub'] : undefined;
  const substitute = (text: string): string =>
    text.replace(SUB_REFERENCE, (whole, name: string) => (parameters.has(name) ? String(parameters.get(name)) : whole));
  if (typeof sub === 'string') return { 'Fn::Sub': substitute(sub) };
  if (Array.isArray(sub) && typeof sub[0] === 'string') {
    return { 'Fn::Sub': [substitute(sub[0]), ...sub.slice(1).map((item) => resolveParameterRefs(item, parameters))] };
  }
  return Object.fromEntries(keys.map((key) => [key, resolveParameterRefs(object[key], parameters)]));
}
