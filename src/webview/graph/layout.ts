// Places the architecture graph with dagre (MIT, ~80 KB, layered "Sugiyama" layout made for directed graphs):
// event sources in the left column, functions and state machines in the middle, stores on the right.
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphLayer, GraphNode } from '../../core/graph/graph';

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface PlacedNode {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface PlacedEdge {
  readonly edge: GraphEdge;
  readonly points: readonly Point[];
}
export interface Layout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

export const NODE_HEIGHT = 46;
const ICON_AND_PADDING = 58;

/** The width of a node's label (`label`, 13 px bold) or type line (`type`, 11 px) in the page's font. */
export type MeasureText = (text: string, line: 'label' | 'type') => number;

/** Without a browser to measure in: about 8 px a character of the label, 6.5 of the type line. */
export const estimateText: MeasureText = (text, line) => text.length * (line === 'label' ? 8 : 6.5);
const COLUMN: Readonly<Record<GraphLayer, number>> = { source: 0, compute: 1, store: 2 };

export function nodeWidth(node: GraphNode, measure: MeasureText): number {
  const text = Math.max(measure(node.label, 'label'), measure(typeLine(node), 'type'));
  return Math.ceil(Math.max(150, ICON_AND_PADDING + text));
}

export function typeLine(node: GraphNode): string {
  return node.origin === 'generated' ? `${shortType(node.type)} · generated` : shortType(node.type);
}

/** `AWS::SQS::Queue` → `SQS::Queue`; virtual sources keep their event type (`Schedule`). */
export function shortType(type: string): string {
  return type.replace(/^AWS::/, '');
}

/**
 * Columns are fixed by layer, not left to dagre's ranker: sources, then compute, then stores, each layer as
 * wide as its longest chain of edges inside it (a queue and its dead-letter queue side by side). Edges run
 * left to right whatever their direction (a function sending to a queue in the first column): dagre lays
 * them out from the lower column, and the arrowhead still points at the real target.
 */
export function layoutGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  measure: MeasureText = estimateText,
): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const oriented = edges.map((e) => {
    const [from, to] = [byId.get(e.from)!, byId.get(e.to)!];
    return COLUMN[from.layer] > COLUMN[to.layer]
      ? { edge: e, v: to.id, w: from.id, reversed: true }
      : { edge: e, v: from.id, w: to.id, reversed: false };
  });
  const rank = columnsOf(nodes, oriented);

  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ranker: 'none', nodesep: 22, ranksep: 70, edgesep: 14, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  // Ranks are doubled: dagre keeps the odd ones for the bends of edges that span columns.
  for (const n of nodes)
    g.setNode(n.id, { width: nodeWidth(n, measure), height: NODE_HEIGHT, rank: 2 * rank.get(n.id)! });
  oriented.forEach((o, i) => g.setEdge(o.v, o.w, { weight: o.edge.kind === 'event' ? 3 : 1 }, `edge:${i}`));
  dagre.layout(g);

  const placed = nodes.map((node) => {
    const { x, y, width, height } = g.node(node.id);
    return { node, x, y, width, height };
  });
  const placedEdges = oriented.map((o, i) => {
    const points: Point[] = g
      .edge({ v: o.v, w: o.w, name: `edge:${i}` })
      .points.map((p: Point) => ({ x: p.x, y: p.y }));
    return { edge: o.edge, points: o.reversed ? points.reverse() : points };
  });
  const graph = g.graph();
  return { nodes: placed, edges: placedEdges, width: graph.width ?? 0, height: graph.height ?? 0 };
}

/** Each node's column: its layer's first column plus the longest chain of same-layer edges leading to it. */
function columnsOf(nodes: readonly GraphNode[], edges: readonly { v: string; w: string }[]): Map<string, number> {
  const layerOf = new Map(nodes.map((n) => [n.id, n.layer]));
  const incoming = new Map<string, string[]>();
  for (const e of edges) {
    if (e.v !== e.w && layerOf.get(e.v) === layerOf.get(e.w)) incoming.set(e.w, [...(incoming.get(e.w) ?? []), e.v]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle: its edge is drawn within one column
    visiting.add(id);
    const d = Math.max(0, ...(incoming.get(id) ?? []).map((from) => depthOf(from) + 1));
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  const width = new Map<GraphLayer, number>();
  for (const n of nodes) width.set(n.layer, Math.max(width.get(n.layer) ?? 1, depthOf(n.id) + 1));
  const firstColumn = (layer: GraphLayer): number =>
    (Object.keys(COLUMN) as GraphLayer[])
      .filter((l) => COLUMN[l] < COLUMN[layer])
      .reduce((sum, l) => sum + (width.get(l) ?? 0), 0);
  return new Map(nodes.map((n) => [n.id, firstColumn(n.layer) + depthOf(n.id)]));
}
