import { describeProvenance, isWrittenInPlace } from '../model/resolve/describe';
import type { FunctionView, Resource, Setting, SettingSource } from '../model/template';

/** Where a setting was written, in the words the templates use. */
const SOURCE_WORDS: Readonly<Record<SettingSource, string>> = {
  resource: 'own',
  globals: 'Globals',
  provider: 'provider',
  default: 'default',
};

/** What the tooltip lists under a function besides its settings, already worded by the outline. */
export interface FunctionTooltipLists {
  /** "CreateOrder: Api POST /orders" */
  readonly events: readonly string[];
  /** "DynamoDBCrudPolicy: TableName: !Ref OrdersTable" */
  readonly policies: readonly string[];
  /** "not created (condition IsProd is false)" */
  readonly absence?: string;
}

/**
 * A function's tooltip in Markdown: every setting with its value and where it came from (own, Globals, provider,
 * default, and what produced it when not written as a plain value), then its events and policies.
 */
export function functionTooltip(fn: FunctionView, lists: FunctionTooltipLists): string {
  const rows: [string, Setting<unknown> | undefined, string?][] = [
    ['Runtime', fn.packageType === 'Image' ? undefined : fn.runtime],
    ['Handler', fn.packageType === 'Image' ? undefined : fn.handler],
    ['Memory', fn.memorySize, 'MB'],
    ['Timeout', fn.timeout, 's'],
    ['Architecture', fn.architecture],
    ['Ephemeral storage', fn.ephemeralStorage, 'MB'],
    ['Code', fn.codeUri],
    ['Function name', fn.functionName],
    ['Reserved concurrency', fn.reservedConcurrency],
    ['Provisioned concurrency', fn.provisionedConcurrency],
    ['Alias', fn.autoPublishAlias],
  ];
  const table = rows.flatMap(([name, setting, unit]) => (setting ? [settingRow(name, setting, unit)] : []));
  return [
    heading(fn.displayName, fn.resource),
    ...(lists.absence ? ['', `_${escapeMarkdown(lists.absence)}_`] : []),
    '',
    '| Setting | Value | From |',
    '|:--|:--|:--|',
    ...table,
    ...list('Events', lists.events),
    ...list('Policies', lists.policies),
  ].join('\n');
}

/** A resource's tooltip in Markdown: its type, what it deploys as, whether it is created, what generates it. */
export function resourceTooltip(resource: Resource, absence: string | undefined): string {
  const facts = [
    resource.deployedAs && resource.deployedAs.type !== resource.type
      ? `Deploys as \`${resource.deployedAs.type}\``
      : undefined,
    resource.condition ? `Condition: \`${resource.condition}\`` : undefined,
    absence ? `_${escapeMarkdown(absence)}_` : undefined,
    resource.generatedBy && generatedNote(resource.generatedBy),
  ].filter((f): f is string => typeof f === 'string');
  return [heading(resource.logicalId, resource), ...facts.flatMap((f) => ['', f])].join('\n');
}

function generatedNote(by: NonNullable<Resource['generatedBy']>): string {
  return `Generated from **${escapeMarkdown(by.logicalId)}**: ${escapeMarkdown(by.reason)}`;
}

function heading(name: string, resource: Resource): string {
  return `**${escapeMarkdown(name)}** — \`${resource.type}\``;
}

/** "| Memory | 1024 MB | Globals — Default of parameter Mem |" */
function settingRow(name: string, setting: Setting<unknown>, unit?: string): string {
  const value = setting.value === undefined ? '?' : `${String(setting.value)}${unit ? ` ${unit}` : ''}`;
  const detail = setting.value === undefined || !isWrittenInPlace(setting) ? describeProvenance(setting) : undefined;
  // A default says so itself ("Lambda default"); other values say where they were written, then what made them.
  const from =
    setting.source === 'default' && detail
      ? detail
      : [SOURCE_WORDS[setting.source], detail].filter(Boolean).join(' — ');
  return `| ${name} | ${escapeMarkdown(value)} | ${escapeMarkdown(from)} |`;
}

function list(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  return ['', `**${title}** (${items.length})`, '', ...items.map((i) => `- ${escapeMarkdown(i)}`)];
}

/** Template text shown as Markdown: characters Markdown would read as syntax (and table pipes) are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
