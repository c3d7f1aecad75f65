import { isMap, isScalar, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { LineIndex } from '../model/lines';
import type { Span } from '../model/nodes';
import { closest } from '../rules/suggest';
import { ALL_USAGE_KEYS, kindsOfType, USAGE_KEYS } from './kinds';

export { USAGE_FILE_PATH } from './usage-path';

export type UsageValues = Readonly<Record<string, number>>;

/** `.serverless-workbench/usage.yml`: what the template cannot say about traffic (see schemas/usage.schema.json). */
export interface UsageFile {
  readonly region?: string;
  readonly freeTier?: boolean;
  /** Keyed by resource type (`AWS::Serverless::Function`). */
  readonly defaults: Readonly<Record<string, UsageValues>>;
  /** Keyed by logical ID. */
  readonly resources: Readonly<Record<string, UsageValues>>;
  /** Where each `resources.<id>.<key>` is written, so that a check against the template can point at it. */
  readonly positions?: ReadonlyMap<string, UsageKeyPosition>;
}

/** Where a usage key is written: its span and 1-based line and column. */
export interface UsageKeyPosition {
  readonly span: Span;
  readonly line: number;
  readonly column: number;
}

/** The key of `positions` for a resource's usage key. */
export const positionKey = (logicalId: string, key: string): string => `${logicalId}\u0000${key}`;

export interface UsageProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly span: Span;
  /** 1-based, as an editor or a terminal shows them. */
  readonly line: number;
  readonly column: number;
}

export const EMPTY_USAGE: UsageFile = { defaults: {}, resources: {} };

/**
 * Reads a usage file (YAML or JSON). Never throws: what cannot be used is reported with its position and
 * left out, so a typo in one entry does not discard the others.
 */
export function parseUsageFile(text: string): { usage: UsageFile; problems: UsageProblem[] } {
  const lines = new LineIndex(text);
  const problems: UsageProblem[] = [];
  const report = (severity: UsageProblem['severity'], message: string, range: readonly number[] | undefined): void => {
    const span = { start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
    const { line, column } = lines.oneBased(span);
    problems.push({ severity, message, span, line, column });
  };
  const positions = new Map<string, UsageKeyPosition>();
  const place = (name: string, key: string, range: readonly number[] | undefined): void => {
    const span = { start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
    positions.set(positionKey(name, key), { span, ...lines.oneBased(span) });
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) report('error', error.message.split('\n')[0], error.pos);
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === '')))
    return { usage: EMPTY_USAGE, problems };
  if (!isMap(root)) {
    report(
      'error',
      'The usage file must be a map with version, region, freeTier, defaults and resources.',
      root.range ?? undefined,
    );
    return { usage: EMPTY_USAGE, problems };
  }
  let region: string | undefined;
  let freeTier: boolean | undefined;
  let defaults: Record<string, UsageValues> = {};
  let resources: Record<string, UsageValues> = {};
  let sawVersion = false;
  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const key = keyOf(pair);
    const value = pair.value;
    switch (key) {
      case 'version':
        sawVersion = true;
        if (!isScalar(value) || Number(value.value) !== 1)
          report(
            'error',
            'version must be 1 (the only version of the usage file so far).',
            value?.range ?? pair.key?.range ?? undefined,
          );
        break;
      case 'region':
        if (isScalar(value) && typeof value.value === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(value.value))
          region = value.value;
        else report('error', 'region must be an AWS Region code such as us-east-1.', value?.range ?? undefined);
        break;
      case 'freeTier':
        if (isScalar(value) && typeof value.value === 'boolean') freeTier = value.value;
        else report('error', 'freeTier must be true or false.', value?.range ?? undefined);
        break;
      case 'defaults':
        defaults = valuesByName(value, 'defaults', report, () => undefined);
        break;
      case 'resources':
        resources = valuesByName(value, 'resources', report, place);
        break;
      default: {
        const suggestion = closest(key, TOP_LEVEL_KEYS);
        report(
          'error',
          `Unknown key '${key}'${suggestion ? `; did you mean ${suggestion}?` : ''} The usage file has ` +
            `${TOP_LEVEL_KEYS.join(', ')}.`,
          pair.key?.range ?? undefined,
        );
      }
    }
  }
  if (!sawVersion)
    report(
      'warning',
      'Add `version: 1` so that a later format can be told apart.',
      root.range ? [root.range[0], root.range[0]] : undefined,
    );
  return { usage: { region, freeTier, defaults, resources, positions }, problems };
}

const TOP_LEVEL_KEYS = ['version', 'region', 'freeTier', 'defaults', 'resources'];

type Report = (severity: UsageProblem['severity'], message: string, range: readonly number[] | undefined) => void;

function keyOf(pair: Pair<YamlNode, YamlNode>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** `defaults:` and `resources:` share a shape: name → { usage key: non-negative number }. */
function valuesByName(
  node: YamlNode | null,
  section: 'defaults' | 'resources',
  report: Report,
  place: (name: string, key: string, range: readonly number[] | undefined) => void,
): Record<string, UsageValues> {
  const out: Record<string, UsageValues> = {};
  if (node === null || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    report(
      'error',
      `${section} must be a map keyed by ${section === 'defaults' ? 'resource type' : 'logical ID'}.`,
      node.range ?? undefined,
    );
    return out;
  }
  for (const entry of node.items as Pair<YamlNode, YamlNode>[]) {
    const name = keyOf(entry);
    const values: Record<string, number> = {};
    if (!isMap(entry.value)) {
      if (entry.value !== null && !(isScalar(entry.value) && entry.value.value === null)) {
        report(
          'error',
          `${section}.${name} must be a map of usage keys such as monthlyRequests.`,
          entry.value.range ?? undefined,
        );
      }
      continue;
    }
    for (const item of entry.value.items as Pair<YamlNode, YamlNode>[]) {
      const key = keyOf(item);
      if (!ALL_USAGE_KEYS.has(key)) {
        // A typo must not fall back to the default silently: the figure the user meant would be ignored.
        const suggestion = closest(key, ALL_USAGE_KEYS);
        report(
          'error',
          `Unknown usage key '${key}'${suggestion ? `; did you mean ${suggestion}?` : ''} (known keys: ` +
            `${[...ALL_USAGE_KEYS].join(', ')}).`,
          item.key?.range ?? undefined,
        );
        continue;
      }
      const kinds = section === 'defaults' ? kindsOfType(name) : undefined;
      if (kinds && kinds.length > 0 && !kinds.some((kind) => key in USAGE_KEYS[kind])) {
        report('warning', misplacedKeyMessage(key, name), item.key?.range ?? undefined);
        continue;
      }
      place(name, key, item.key?.range ?? undefined);
      const number = isScalar(item.value) ? Number(item.value.value) : NaN;
      if (
        !isScalar(item.value) ||
        typeof item.value.value === 'boolean' ||
        item.value.value === null ||
        !Number.isFinite(number) ||
        number < 0
      ) {
        report('error', `${key} must be a number of 0 or more.`, item.value?.range ?? item.key?.range ?? undefined);
        continue;
      }
      values[key] = number;
    }
    out[name] = values;
  }
  return out;
}

/** "monthlyPublishes is a usage key of topic resources, not of AWS::Serverless::Function: it is ignored." */
export function misplacedKeyMessage(key: string, what: string): string {
  const owners = Object.entries(USAGE_KEYS)
    .filter(([, keys]) => key in keys)
    .map(([kind]) => kind);
  return `${key} is a usage key of ${owners.join(', ')} resources, not of ${what}: it is ignored.`;
}
