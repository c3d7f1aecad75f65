// Draws a placed graph as SVG elements: one <g class="node"> per node, one <path class="edge"> per edge,
// coloured by CSS classes so the VS Code theme (light, dark, high contrast) applies through its variables.
import type { GraphEdgeKind } from '../../core/graph/graph';
import type { Layout, Point } from './layout';
import { NODE_HEIGHT, typeLine } from './layout';

const SVG = 'http://www.w3.org/2000/svg';
export const EDGE_KINDS: readonly GraphEdgeKind[] = [
  'event',
  'invokes',
  'reference',
  'environment',
  'permission',
  'code-call',
  'generates',
];
export const EDGE_KIND_LABEL: Readonly<Record<GraphEdgeKind, string>> = {
  event: 'event',
  invokes: 'invokes',
  reference: 'reference',
  environment: 'environment variable',
  permission: 'may access (IAM)',
  'code-call': 'code calls',
  generates: 'generated for',
};
const ICON_SIZE = 26;

export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Arrowheads, one per edge kind (markers do not take the colour of the path that uses them). */
export function markerDefs(): SVGDefsElement {
  const defs = svgElement('defs');
  for (const kind of EDGE_KINDS) {
    const marker = svgElement('marker', {
      id: `arrow-${kind}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    });
    marker.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrowhead kind-${kind}` }));
    defs.append(marker);
  }
  return defs;
}

export function drawGraph(layout: Layout, icons: Readonly<Record<string, string>>): SVGGElement {
  const root = svgElement('g', { class: 'graph' });
  const edges = svgElement('g', { class: 'edges' });
  for (const { edge, points } of layout.edges) {
    const path = svgElement('path', {
      class: `edge kind-${edge.kind}`,
      d: curveThrough(points),
      'marker-end': `url(#arrow-${edge.kind})`,
      'data-from': edge.from,
      'data-to': edge.to,
      'data-kind': edge.kind,
    });
    const title = svgElement('title');
    title.textContent =
      `${edge.from} ` + `→ ${edge.to}: ${EDGE_KIND_LABEL[edge.kind]}${edge.label ? ` (${edge.label})` : ''}`;
    path.append(title);
    edges.append(path);
  }
  const nodes = svgElement('g', { class: 'nodes' });
  for (const { node, x, y, width } of layout.nodes) {
    const g = svgElement('g', {
      class: `node layer-${node.layer} origin-${node.origin}`,
      'data-id': node.id,
      tabindex: 0,
      role: 'button',
      transform: `translate(${x - width / 2},${y - NODE_HEIGHT / 2})`,
    });
    g.append(svgElement('rect', { class: 'box', width, height: NODE_HEIGHT, rx: 6 }));
    const icon = icons[node.icon] ?? icons.generic;
    if (icon)
      g.append(
        svgElement('image', {
          href: icon,
          x: 10,
          y: (NODE_HEIGHT - ICON_SIZE) / 2,
          width: ICON_SIZE,
          height: ICON_SIZE,
        }),
      );
    const label = svgElement('text', { class: 'label', x: 46, y: 20 });
    label.textContent = node.label;
    const type = svgElement('text', { class: 'type', x: 46, y: 36 });
    type.textContent = typeLine(node);
    const title = svgElement('title');
    title.textContent = `${node.label} (${node.type}) — click to reveal in the template`;
    g.append(label, type, title);
    nodes.append(g);
  }
  root.append(edges, nodes);
  return root;
}

/** A smooth curve along dagre's bend points: quadratic segments between their midpoints, straight at both ends. */
export function curveThrough(points: readonly Point[]): string {
  const parts = points.length > 0 ? [`M${points[0].x},${points[0].y}`] : [];
  for (let i = 1; i < points.length - 1; i++) {
    const [p, next] = [points[i], points[i + 1]];
    const end = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    parts.push(`Q${p.x},${p.y} ${end.x},${end.y}`);
  }
  if (points.length === 2) parts.push(`L${points[1].x},${points[1].y}`);
  return parts.join(' ');
}
