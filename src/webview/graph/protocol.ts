// Messages between the architecture graph webview and the extension. Types only: both sides import them.
import type { ArchitectureGraph } from '../../core/graph/graph';

export interface GraphPayload {
  readonly title: string;
  /** Built with generated resources included; the page hides `detail` nodes unless the user asks for them. */
  readonly graph: ArchitectureGraph;
  /** Service icon name → data: URI of its SVG, so an exported picture carries its icons. */
  readonly icons: Readonly<Record<string, string>>;
  readonly highlight?: string;
}

export type ToGraphView =
  | { readonly type: 'graph'; readonly payload: GraphPayload }
  | { readonly type: 'highlight'; readonly id: string | undefined };

export type FromGraphView =
  | { readonly type: 'reveal'; readonly id: string }
  | { readonly type: 'export'; readonly format: 'svg' | 'png'; readonly data: string };
