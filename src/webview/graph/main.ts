// The architecture graph webview: renders the payload, pans and zooms, reveals nodes in the template on
// click, follows the editor's selection, exports SVG/PNG. Runs in the webview (or a plain browser page in tests).
import type { GraphEdge, GraphNode } from '../../core/graph/graph';
import { pageData } from '../browser/page-data';
import { exportPng, exportSvg } from './export';
import { centreOn, fitTransform, MIN_READABLE_ZOOM } from './fit';
import { layoutGraph } from './layout';
import type { Layout, MeasureText } from './layout';
import type { FromGraphView, GraphPayload, ToGraphView } from './protocol';
import { EDGE_KIND_LABEL, EDGE_KINDS, drawGraph, markerDefs, svgElement } from './render';
import './graph.css';

interface ViewState {
  showGenerated: boolean;
  /** Pan and zoom, kept across updates of the graph and across hiding the panel. */
  transform?: { x: number; y: number; k: number };
}

interface VsCodeApi {
  postMessage(message: FromGraphView): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

const MIN_ZOOM = 0.2;
const MAX_ZOOM = 4;

let payload = pageData<GraphPayload>();
const state: ViewState = vscode?.getState() ?? { showGenerated: false };
let highlighted = payload.highlight;

const toolbar = document.createElement('header');
const title = document.createElement('h1');
const toggle = checkbox('Show generated resources', state.showGenerated, (on) => {
  state.showGenerated = on;
  save();
  render();
});
const search = document.createElement('input');
search.type = 'search';
search.placeholder = 'Find a resource';
search.setAttribute('aria-label', 'Find a resource');
search.addEventListener('input', () => find(false));
search.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') find(true);
});
toolbar.append(
  title,
  search,
  toggle,
  button('Fit', fit),
  button('Export SVG', () => void exportAs('svg')),
  button('Export PNG', () => void exportAs('png')),
);
const legend = document.createElement('ul');
legend.className = 'legend';
for (const kind of EDGE_KINDS) {
  const item = document.createElement('li');
  item.innerHTML = '<svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5"/></svg>';
  item.querySelector('line')!.setAttribute('class', `edge kind-${kind}`);
  item.append(EDGE_KIND_LABEL[kind]);
  legend.append(item);
}
const svg = svgElement('svg', { class: 'canvas', role: 'img' });
const viewport = svgElement('g', { class: 'viewport' });
svg.append(markerDefs(), viewport);
const empty = document.createElement('p');
empty.className = 'empty';
document.body.append(toolbar, legend, svg, empty);

/** What the picture is made of; most edits (a value, a comment) leave it unchanged and skip the layout. */
let drawn: string | undefined;
/** The nodes drawn: when nodes are added (generated resources shown, a resource added), the view fits again. */
let drawnIds: ReadonlySet<string> | undefined;
let placed: Layout | undefined;

function render(): void {
  title.textContent = payload.title;
  const nodes = payload.graph.nodes.filter((n) => state.showGenerated || !n.detail);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = payload.graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const shape = JSON.stringify([nodes.map((n) => [n.id, n.type, n.layer, n.origin, n.icon]), edges]);
  if (shape === drawn) {
    markHighlight();
    return;
  }
  drawn = shape;
  placed = layoutGraph(nodes, edges, measureText());
  viewport.replaceChildren(drawGraph(placed, payload.icons));
  svg.setAttribute('aria-label', describe(nodes, edges));
  empty.textContent = nodes.length === 0 ? 'This template has no resources to draw.' : '';
  markHighlight();
  // New nodes (generated resources shown, a resource added) may be out of view: fit again. An edit that only
  // removes or changes nodes keeps the user's zoom and pan.
  const added = drawnIds !== undefined && [...ids].some((id) => !drawnIds!.has(id));
  drawnIds = ids;
  if (state.transform && !added) applyTransform();
  else fit();
}

/** Highlights the first resource whose name or type contains the search text (`next`: the one after it). */
function find(next: boolean): void {
  const text = search.value.trim().toLowerCase();
  if (!text || !placed) return;
  const matches = placed.nodes.filter(
    (p) => p.node.label.toLowerCase().includes(text) || p.node.type.toLowerCase().includes(text),
  );
  search.classList.toggle('no-match', matches.length === 0);
  if (matches.length === 0) return;
  const at = matches.findIndex((p) => p.node.id === highlighted);
  const match = matches[next && at >= 0 ? (at + 1) % matches.length : Math.max(at, 0)];
  highlighted = match.node.id;
  markHighlight();
  const { width, height } = svg.getBoundingClientRect();
  state.transform = centreOn(match, Math.max(state.transform?.k ?? 1, MIN_READABLE_ZOOM), { width, height });
  applyTransform();
  save();
}

/** Labels measured in the font the theme gives the page, so boxes fit their text in every theme. */
function measureText(): MeasureText {
  const context = document.createElement('canvas').getContext('2d')!;
  const family = getComputedStyle(document.body).fontFamily;
  return (text, line) => {
    context.font = line === 'label' ? `600 13px ${family}` : `11px ${family}`;
    return context.measureText(text).width;
  };
}

function describe(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  return `Architecture graph of ${payload.title}: ${nodes.length} resources, ${edges.length} connections`;
}

function markHighlight(): void {
  for (const node of viewport.querySelectorAll('.node'))
    node.classList.toggle('selected', node.getAttribute('data-id') === highlighted);
  for (const edge of viewport.querySelectorAll('.edge')) {
    const touches =
      highlighted !== undefined &&
      (edge.getAttribute('data-from') === highlighted || edge.getAttribute('data-to') === highlighted);
    edge.classList.toggle('selected', touches);
  }
}

// ── pan and zoom ────────────────────────────────────────────────────────────────────────────────────────
function applyTransform(): void {
  const t = state.transform!;
  viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
}

function fit(): void {
  const box = viewport.getBBox();
  const { width, height } = svg.getBoundingClientRect();
  if (box.width === 0 || width === 0) {
    state.transform = undefined;
    return;
  }
  state.transform = fitTransform(box, { width, height });
  applyTransform();
  save();
}

svg.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const t = state.transform ?? { x: 0, y: 0, k: 1 };
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.k * Math.exp(-event.deltaY * 0.0015)));
    const rect = svg.getBoundingClientRect();
    const [px, py] = [event.clientX - rect.left, event.clientY - rect.top];
    state.transform = { k, x: px - ((px - t.x) * k) / t.k, y: py - ((py - t.y) * k) / t.k };
    applyTransform();
    save();
  },
  { passive: false },
);

let drag: { x: number; y: number; moved: boolean } | undefined;
svg.addEventListener('pointerdown', (event) => {
  drag = { x: event.clientX, y: event.clientY, moved: false };
});
window.addEventListener('pointermove', (event) => {
  if (!drag || !state.transform) return;
  const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  drag = { x: event.clientX, y: event.clientY, moved: true };
  svg.classList.add('panning');
  state.transform = { ...state.transform, x: state.transform.x + dx, y: state.transform.y + dy };
  applyTransform();
});
window.addEventListener('pointerup', (event) => {
  const wasDrag = drag?.moved;
  drag = undefined;
  svg.classList.remove('panning');
  if (wasDrag) {
    save();
    return;
  }
  const node = (event.target as Element | null)?.closest?.('.node');
  if (node) select(node.getAttribute('data-id')!);
});
svg.addEventListener('keydown', (event) => {
  const node = (event.target as Element).closest('.node');
  if (node && (event.key === 'Enter' || event.key === ' ')) select(node.getAttribute('data-id')!);
});

function select(id: string): void {
  highlighted = id;
  markHighlight();
  vscode?.postMessage({ type: 'reveal', id });
}

// ── export ──────────────────────────────────────────────────────────────────────────────────────────────
async function exportAs(format: 'svg' | 'png'): Promise<void> {
  const background = getComputedStyle(document.body).backgroundColor;
  const text = exportSvg(svg, viewport, background);
  const data = format === 'svg' ? text : await exportPng(text);
  if (vscode) {
    vscode.postMessage({ type: 'export', format, data });
    return;
  }
  // A page outside the editor downloads the file itself.
  const link = document.createElement('a');
  link.download = `architecture.${format}`;
  link.href = format === 'svg' ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` : data;
  link.click();
}

// ── messages from the extension ─────────────────────────────────────────────────────────────────────────
window.addEventListener('message', (event: MessageEvent<ToGraphView>) => {
  const message = event.data;
  if (message.type === 'graph') {
    payload = message.payload;
    render();
  } else if (message.type === 'highlight') {
    highlighted = message.id;
    markHighlight();
  }
});

function save(): void {
  vscode?.setState(state);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function checkbox(label: string, checked: boolean, onChange: (on: boolean) => void): HTMLLabelElement {
  const wrapper = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  wrapper.append(input, label);
  return wrapper;
}

render();
window.addEventListener('resize', () => {
  if (!state.transform) fit();
});
