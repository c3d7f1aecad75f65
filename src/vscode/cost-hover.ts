import * as vscode from 'vscode';
import { TEMPLATE_SELECTOR } from './document-selectors';
import { costCore } from './cost-core';
import type { WhatIfRow } from '../core/cost';
import { mapAt } from '../core/model/nodes';
import type { FunctionView, MapEntry, Template } from '../core';
import type { CostService } from './cost-service';

/** The settings the hover explains, in SAM/CloudFormation and Serverless Framework spelling. */
const MEMORY_KEYS = new Set(['MemorySize', 'memorySize']);
const ARCH_KEYS = new Set(['Architectures', 'architecture']);

/**
 * Hover on `MemorySize` or `Architectures`: what the function (or, in Globals, every function that
 * inherits the setting) would cost at neighbouring memory sizes or on the other architecture.
 */
export function registerCostHover(cost: CostService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, {
    provideHover(document, position) {
      const template = cost.store.modelOf(document);
      if (!template) return undefined;
      const found = settingAt(template, document.offsetAt(position));
      if (!found) return undefined;
      const { entry, functions } = found;
      const first = functions[0];
      const usage = cost.usageFor(document.uri).usage;
      const ids = functions.map((f) => f.logicalId);
      const isMemory = MEMORY_KEYS.has(entry.key);
      // The values the estimate priced, with where they came from (an unknown one is priced at Lambda's default).
      const priced = cost.report(document.uri, template)?.resources.find((r) => r.logicalId === first.logicalId);
      if (!priced?.lambda) return undefined;
      const { memoryMb, arch: currentArch } = priced.lambda;
      const alternatives = isMemory
        ? costCore()
            .neighbouringMemorySizes(memoryMb)
            .map((mb) => ({ label: `${mb} MB`, current: mb === memoryMb, change: { memoryMb: mb } }))
        : (['x86_64', 'arm64'] as const).map((arch) => ({
            label: arch,
            current: arch === currentArch,
            change: { arch },
          }));
      const rows = costCore().whatIf(template, usage, cost.options(), ids, alternatives);
      const who =
        functions.length === 1 ? first.displayName : `the ${functions.length} functions that inherit this setting`;
      const precision = cost.settings().precision;
      const setting = priced.settings.find((s) => s.name === (isMemory ? 'MemorySize' : 'Architectures'));
      const md = new vscode.MarkdownString(
        `**Monthly cost of ${who}** at ${isMemory ? 'other memory sizes' : 'each architecture'}, before the ` +
          `free tier (the account's, credited on the stack total)\n\n`,
      );
      if (setting) md.appendMarkdown(`Priced with ${escapeMarkdown(costCore().settingLine(setting))}\n\n`);
      md.appendMarkdown(`${table(rows, precision)}\n\n`);
      md.appendMarkdown(
        isMemory
          ? '_Duration is kept as in the usage file; more memory also means more CPU, which often shortens it._'
          : '_Same duration assumed; arm64 GB-seconds cost 20% less._',
      );
      const start = document.positionAt(entry.keySpan.start);
      return new vscode.Hover(md, new vscode.Range(start, document.positionAt(entry.value.span.end)));
    },
  });
}

/** Template text (parameter names, reasons) shown as itself, not as Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

function table(rows: readonly WhatIfRow[], precision: number): string {
  const { formatUsd } = costCore();
  const current = rows.find((r) => r.current)?.monthlyUsd;
  const lines = ['| Setting | Monthly | Change |', '|---|---:|---:|'];
  for (const r of rows) {
    const difference = current === undefined ? 0 : r.monthlyUsd - current;
    // Below a cent either way, the bill does not move: "same".
    const delta = r.current
      ? '—'
      : formatUsd(Math.abs(difference), precision) === formatUsd(0, precision)
        ? 'same'
        : `${difference > 0 ? '+' : '−'}${formatUsd(Math.abs(difference), precision)}`;
    lines.push(
      `| ${r.current ? `**${r.label}** (now)` : r.label} | ${formatUsd(r.monthlyUsd, precision)} | ${delta} |`,
    );
  }
  return lines.join('\n');
}

/** The MemorySize/Architectures entry under the offset, in a function or in Globals, and the functions it sets. */
function settingAt(template: Template, offset: number): { entry: MapEntry; functions: FunctionView[] } | undefined {
  const within = (e: MapEntry): boolean =>
    (MEMORY_KEYS.has(e.key) || ARCH_KEYS.has(e.key)) && offset >= e.keySpan.start && offset <= e.value.span.end;
  for (const fn of template.functions) {
    const props = fn.resource.node ? mapAt(fn.resource.node, 'Properties') : fn.resource.properties;
    const entry = props?.entries.find(within);
    if (entry) return { entry, functions: [fn] };
  }
  const globalEntry = mapAt(template.globals, 'Function')?.entries.find(within);
  if (!globalEntry) return undefined;
  const setting = MEMORY_KEYS.has(globalEntry.key) ? 'memorySize' : 'architecture';
  const functions = template.functions.filter((f) => f[setting].source === 'globals');
  return functions.length > 0 ? { entry: globalEntry, functions } : undefined;
}
