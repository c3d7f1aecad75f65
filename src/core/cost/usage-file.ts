import { isMap, isScalar, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { LineIndex } from '../model/lines';
import type { Span } from '../model/nodes';
import { ALL_USAGE_KEYS } from './kinds';

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
}

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
        defaults = valuesByName(value, 'defaults', report);
        break;
      case 'resources':
        resources = valuesByName(value, 'resources', report);
        break;
      default:
        report(
          'warning',
          `Unknown key '${key}': the usage file has version, region, freeTier, defaults and resources.`,
          pair.key?.range ?? undefined,
        );
    }
  }
  if (!sawVersion)
    report(
      'warning',
      'Add `version: 1` so that a later format can be told apart.',
      root.range ? [root.range[0], root.range[0]] : undefined,
    );
  return { usage: { region, freeTier, defaults, resources }, problems };
}

type Report = (severity: UsageProblem['severity'], message: string, range: readonly number[] | undefined) => void;

function keyOf(pair: Pair<YamlNode, YamlNode>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** `defaults:` and `resources:` share a shape: name → { usage key: non-negative number }. */
function valuesByName(node: YamlNode | null, section: string, report: Report): Record<string, UsageValues> {
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
        report(
          'warning',
          `Unknown usage key '${key}' (known keys: ${[...ALL_USAGE_KEYS].join(', ')}).`,
          item.key?.range ?? undefined,
        );
        continue;
      }
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
