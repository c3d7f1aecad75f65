// The editor's cost breakdown page, built from the core's `BreakdownView` (src/core/cost/breakdown.ts: the rows
// and totals, already formatted). The page itself, its CSP and its styles, belongs here with the other pages.
import type { BreakdownView } from '../core/cost';
import { jsonForScript } from './json-in-html';
import { DATA_ELEMENT_ID } from './page-data';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Resource = BreakdownView['resources'][number];

const LINE_ITEM_HEAD =
  '<tr><th>Line item</th><th class="num">Quantity</th><th class="num">Unit price</th>' +
  '<th class="num">Cost</th><th>Formula</th></tr>';

/** The page's style sheet, one rule a line. */
const STYLE = [
  '  body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #222); ' +
    'background: var(--vscode-editor-background, #fff); padding: 0 1.5em 2em; }',
  '  h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-bottom: 0.2em; }',
  '  .cost { float: right; } .meta, .source, .note { color: var(--vscode-descriptionForeground, #666); }',
  '  .note { font-size: 0.9em; } .creation { font-weight: bold; }',
  '  table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }',
  '  th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, #ddd); ' +
    'vertical-align: top; }',
  '  .num { text-align: right; white-space: nowrap; } ' +
    '.formula { font-family: var(--vscode-editor-font-family, monospace); font-size: 0.9em; }',
  '  section { margin: 1.2em 0; padding: 0.2em 0.8em; border-left: 3px solid transparent; }',
  '  section.focus { border-left-color: var(--vscode-focusBorder, #07f); }',
  '  .cost-chart { position: relative; max-width: 980px; margin: 1em 0; }',
  '  h2 button.curve { margin-left: 10px; font: inherit; font-size: 0.8em; font-weight: normal; cursor: pointer;',
  '    background: var(--vscode-button-secondaryBackground, #e5e5e5); ' +
    'color: var(--vscode-button-secondaryForeground, #3b3b3b);',
  '    border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 1px 8px; }',
].join('\n');

/** The chart script of the editor's breakdown panel: its URI and the nonce that lets it (and nothing else) run. */
export interface BreakdownChartScript {
  readonly src: string;
  readonly nonce: string;
}

/**
 * A page in the editor's theme colours: every resource, line item and assumption. Without `chart` it has no
 * script at all (what the tests read); with it, the chart script draws monthly cost by resource and line item on top.
 */
export function breakdownHtml(view: BreakdownView, cspSource = '', chart?: BreakdownChartScript): string {
  const e = escapeHtml;
  // The resource whose CodeLens was clicked comes first (the page has no script to scroll to it).
  const ordered = [
    ...view.resources.filter((r) => r.logicalId === view.focus),
    ...view.resources.filter((r) => r.logicalId !== view.focus),
  ];
  const lineItemRow = (li: Resource['lineItems'][number]): string =>
    `
      <tr><td>${e(li.name)}${li.note ? `<div class="note">${e(li.note)}</div>` : ''}</td>` +
    `<td class="num">${e(li.quantity)}</td>` +
    `<td class="num">${e(li.unitPrice)}</td><td class="num">${e(li.costText)}</td>` +
    `<td class="formula">${e(li.formula)}</td></tr>`;
  const settingsPriced = (r: Resource): string =>
    r.settings.length > 0
      ? '<details open><summary>Settings priced</summary><ul>' +
        r.settings.map((line) => `<li>${e(line)}</li>`).join('') +
        '</ul></details>'
      : '';
  const usageItem = (u: Resource['usage'][number]): string =>
    `<li><code>${e(u.key)}</code> = ${e(u.value)} <span class="source">(${e(u.source)}` +
    `${u.defaulted ? ', priced with this default' : ''})</span></li>`;
  const scriptSrc = chart ? ` script-src 'nonce-${e(chart.nonce)}';` : '';
  const csp = `default-src 'none'; style-src 'unsafe-inline' ${e(cspSource)};${scriptSrc}`;
  const sections = ordered
    .map(
      (r) => `
<section id="${e(r.logicalId)}"${r.logicalId === view.focus ? ' class="focus"' : ''}>
  <h2>${e(r.logicalId)} <span class="cost">${e(r.costText)}/mo</span></h2>
  <p class="meta">${e(r.type)} · ${e(r.origin)} · ${e(r.drivers)}</p>
  ${r.creation ? `<p class="creation">${e(r.creation)}</p>` : ''}
  <table>
    <thead>${LINE_ITEM_HEAD}</thead>
    <tbody>${r.lineItems.map(lineItemRow).join('')}
    </tbody>
  </table>
  ${settingsPriced(r)}
  ${r.defaults ? `<p class="note default">${e(r.defaults)}</p>` : ''}
  <details${r.defaults ? ' open' : ''}><summary>Usage assumed</summary>
  <ul>${r.usage.map(usageItem).join('')}</ul></details>
  ${r.notes.map((n) => `<p class="note">${e(n)}</p>`).join('')}
</section>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${e(view.title)}</title>
<style>
${STYLE}
</style></head>
<body>
<h1>${e(view.title)}: ${e(view.total.text)}/mo</h1>
<p class="meta">${e(view.subtitle)}</p>
${stackTotals(view)}
${view.notes.map((n) => `<p class="note">${e(n)}</p>`).join('\n')}
${chart ? '<div id="cost-chart" class="cost-chart"></div>' : ''}
${sections}
${notPricedSection(view)}
${
  chart
    ? `<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript({ kind: 'breakdown', view })}</script>
<script nonce="${e(chart.nonce)}" src="${e(chart.src)}"></script>`
    : ''
}
</body></html>`;
}

/** Subtotal, credits and total; the free tier line by line with whose it is; how to replace the defaults. */
function stackTotals(view: BreakdownView): string {
  const e = escapeHtml;
  const rows = view.totals.length > 0 ? [...view.totals, { label: 'Total', text: view.total.text }] : [];
  return [
    rows.length > 0
      ? `<table class="totals">${rows
          .map((t) => `<tr><td>${e(t.label)}</td><td class="num">${e(t.text)}</td></tr>`)
          .join('')}</table>`
      : '',
    view.freeTier
      ? `<p class="note">${e(view.freeTier.scope)}</p>` +
        `<ul class="free-tier">${view.freeTier.lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`
      : '',
    view.defaultsHow
      ? `<p class="note">Figures marked as priced with a default are guesses. ${e(view.defaultsHow)}</p>`
      : '',
  ].join('\n');
}

/** The resources listed without a figure, each with why. */
function notPricedSection(view: BreakdownView): string {
  const e = escapeHtml;
  if (view.notPriced.length === 0) return '';
  return `<section id="not-priced"><h2>Not priced</h2><table>${view.notPriced
    .map((r) => `<tr><td>${e(r.logicalId)}</td><td>${e(r.type)}</td><td>not priced: ${e(r.reason)}</td></tr>`)
    .join('')}</table></section>`;
}
