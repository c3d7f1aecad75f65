import type { Node } from '../model/nodes';
import { valueOf } from '../model/nodes';
import { describeProvenance, formatSetting } from '../model/resolve/describe';
import type { SettingReader } from '../model/resolve/setting';
import { isLeftOut, resolvedSetting } from '../model/resolve/setting';
import type { Resource, Setting, Template } from '../model/template';

/**
 * A template value a price depends on, as the estimate read it: the value and where it came from
 * ("1024 MB — Default of parameter Mem"), or that it is unknown and what the price assumes instead.
 */
export interface PricedSetting {
  /** The property as the template spells it: `MemorySize`, `BillingMode`. */
  readonly name: string;
  /** `formatSetting`'s words: "1024 MB — Default of parameter Mem", "unknown — T.Arn is only known after deploy". */
  readonly text: string;
  /** Why the value is unknown, when it is. */
  readonly unknown?: string;
  /** What the price assumes in its place: "priced at Lambda's default 128 MB". */
  readonly assumption?: string;
}

/** A resolved setting in the estimate's words; an unknown value says what was priced instead. */
export function pricedSetting(
  name: string,
  setting: Setting<unknown>,
  unit: string | undefined,
  assumption: string,
): PricedSetting {
  const text = formatSetting(setting, unit);
  return setting.value === undefined
    ? { name, text, unknown: setting.unknown ?? 'not set', assumption }
    : { name, text };
}

/** "MemorySize is unknown (T.Arn is only known after deploy); priced at Lambda's default 128 MB." */
export function assumptionNote(setting: PricedSetting): string | undefined {
  return setting.assumption && `${setting.name} is unknown (${setting.unknown}); ${setting.assumption}.`;
}

/** The line a user reads in a tooltip, breakdown or terminal: "MemorySize: 1024 MB — Default of parameter Mem". */
export function settingLine(setting: PricedSetting): string {
  return `${setting.name}: ${setting.text}${setting.assumption ? `; ${setting.assumption}` : ''}`;
}

/**
 * A pricing property of a resource (`BillingMode`, `ProvisionedThroughput.ReadCapacityUnits`), resolved through
 * the template's parameters, mappings and conditions. Undefined when the template leaves it out (or leaves it
 * out with `AWS::NoValue`): then the service's default applies, which the caller states.
 */
export function propertySetting<T>(
  template: Template,
  resource: Resource,
  path: readonly string[],
  reader: SettingReader<T>,
): Setting<T> | undefined {
  let node: Node | undefined = resource.properties;
  for (const key of path) node = valueOf(node, key);
  if (!node) return undefined;
  const resolved = resolvedSetting(template.resolver, node, 'resource', reader);
  return isLeftOut(resolved) ? undefined : resolved;
}

/** `true`/`false`, or text CloudFormation reads as one (`"true"`). */
export const BOOLEAN: SettingReader<boolean> = {
  read: (value) =>
    typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined,
  expected: 'true or false',
};

/**
 * A resource whose `Condition` is false or cannot be decided: the stack may not create it. For a false
 * condition it costs nothing; for an undecided one it is priced, and says so.
 */
export interface CreationCondition {
  readonly condition: string;
  /** False: not created. Undefined: cannot be decided before deploying. */
  readonly created: false | undefined;
  /**
   * "not created: condition IsProd is false", "may not be created: condition IsProd cannot be decided before
   * deploying".
   */
  readonly summary: string;
  /** How the condition was decided ("Default of parameter Env"), or why it cannot be. */
  readonly why: string;
}

export function creationOf(template: Template, resource: Resource): CreationCondition | undefined {
  const name = resource.condition;
  if (resource.created === true || name === undefined) return undefined;
  const decided = template.resolver.condition(name);
  if (decided.value === undefined) {
    return {
      condition: name,
      created: undefined,
      summary: `may not be created: condition ${name} cannot be decided before deploying`,
      why: decided.reason,
    };
  }
  return {
    condition: name,
    created: false,
    summary: `not created: condition ${name} is false`,
    why: describeProvenance({ known: true, value: decided.value, provenance: decided.provenance }),
  };
}
