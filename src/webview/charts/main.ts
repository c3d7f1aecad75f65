// The cost pictures' page script: the breakdown's stacked bars, or a function's memory/cost curve.
// Runs in the webview (or a plain browser page in tests); talks to the extension only by messages.
import type { Chart } from 'chart.js';
import type { BreakdownView, MemoryCurve } from '../../core/cost';
import { pageData } from '../browser/page-data';
import { drawBreakdown } from './breakdown';
import { drawMemoryCurve } from './memory-curve';
import type { ChartPageData, FromChartPage, ToChartPage } from './protocol';
import './charts.css';

interface VsCodeApi {
  postMessage(message: FromChartPage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

const FUNCTION_TYPES = /^AWS::(Serverless::Function|Lambda::Function)$/;
let chart: Chart | undefined;

function render(data: ChartPageData): void {
  chart?.destroy();
  if (data.kind === 'breakdown') renderBreakdown(data.view);
  else renderCurve(data.title, data.curve);
}

/**
 * The breakdown page is server-rendered; the script adds the chart above its sections and a curve button per function.
 */
function renderBreakdown(view: BreakdownView): void {
  const container = document.getElementById('cost-chart');
  if (!container) return;
  chart = drawBreakdown(container, view, (id) => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth' }));
  for (const r of view.resources.filter((x) => FUNCTION_TYPES.test(x.type))) {
    const heading = document.getElementById(r.logicalId)?.querySelector('h2');
    if (!heading || heading.querySelector('button')) continue;
    const button = document.createElement('button');
    button.className = 'curve';
    button.textContent = 'Memory/cost curve';
    button.addEventListener('click', () => vscode?.postMessage({ type: 'showMemoryCurve', functionId: r.logicalId }));
    heading.append(button);
  }
}

function renderCurve(title: string, curve: MemoryCurve): void {
  const pick = (memoryMb: number, arch: string): void =>
    vscode?.postMessage({ type: 'setMemory', functionId: curve.functionId, memoryMb, arch });
  const container = document.createElement('div');
  container.className = 'curve-chart';
  const model = document.createElement('p');
  model.className = 'model';
  model.textContent =
    `Duration model: ${curve.model}. Measured: ${Math.round(curve.current.durationMs)} ms ` +
    `at ${curve.current.memoryMb} MB (${curve.durationSource}). Click a point to set MemorySize.`;
  document.body.replaceChildren(container, model, figures(curve, pick));
  chart = drawMemoryCurve(container, title, curve, (p) => pick(p.memoryMb, p.arch));
}

/** The curve's numbers as a table, each row with a button: the same choice without aiming at a point. */
function figures(curve: MemoryCurve, pick: (memoryMb: number, arch: string) => void): HTMLElement {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Figures';
  const table = document.createElement('table');
  const archs = [...new Set(curve.points.map((p) => p.arch))];
  const head = table.createTHead().insertRow();
  for (const h of ['Memory (MB)', 'Duration (ms)', ...archs.map((a) => `USD/month, ${a}`)])
    head.append(Object.assign(document.createElement('th'), { textContent: h }));
  const body = table.createTBody();
  for (const mb of [...new Set(curve.points.map((p) => p.memoryMb))]) {
    const row = body.insertRow();
    if (mb === curve.current.memoryMb) row.className = 'current';
    const at = curve.points.filter((p) => p.memoryMb === mb);
    row.insertCell().textContent = mb.toLocaleString('en-US');
    row.insertCell().textContent = String(Math.round(at[0].durationMs));
    for (const arch of archs) {
      const point = at.find((p) => p.arch === arch)!;
      const button = document.createElement('button');
      button.textContent = `$${point.monthlyUsd.toFixed(2)}`;
      button.title = `Set MemorySize to ${mb} MB`;
      button.addEventListener('click', () => pick(mb, arch));
      row.insertCell().append(button);
    }
  }
  details.append(summary, table);
  return details;
}

window.addEventListener('message', (event: MessageEvent<ToChartPage>) => {
  if (event.data.type === 'data') render(event.data.data);
});
render(pageData<ChartPageData>());
