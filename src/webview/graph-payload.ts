// What the architecture graph page is given: the graph (generated resources included, so the page can toggle
// them without asking), the service icons as data: URIs (an exported SVG must carry them) and a title.
import * as fs from 'fs';
import * as path from 'path';
import { buildGraph } from '../core/graph/graph';
import type { AccessEdge } from '../core/graph/graph';
import type { Template } from '../core/model/template';
import type { GraphPayload } from './graph/protocol';

export function graphPayload(
  template: Template,
  title: string,
  icons: Readonly<Record<string, string>>,
  access: readonly AccessEdge[] = [],
): GraphPayload {
  return { title, graph: buildGraph(template, { includeGenerated: true, access }), icons };
}

/** Every `<name>.svg` of the icons folder, read once per panel. */
export function iconDataUris(iconsDir: string): Record<string, string> {
  const icons: Record<string, string> = {};
  for (const file of fs.readdirSync(iconsDir)) {
    if (!file.endsWith('.svg')) continue;
    icons[path.basename(file, '.svg')] =
      `data:image/svg+xml;base64,${fs.readFileSync(path.join(iconsDir, file)).toString('base64')}`;
  }
  return icons;
}
