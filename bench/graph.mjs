// The architecture graph and the memory/cost curve on the generated 500-resource SAM template: what an edit
// costs the open graph (model → graph, then the page's dagre layout, measured here in Node) and what opening a
// function's curve costs (about 60 memory sizes × 2 architectures, each a full stack estimate).
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { buildGraph } = require('../src/core/graph/graph.ts');
const { layoutGraph } = require('../src/webview/graph/layout.ts');
const { memoryCurve, parseUsageFile } = require('../src/core/cost/index.ts');

export async function run() {
  const template = loadTemplate(generateSamTemplate(500), 'template.yaml');
  const graph = buildGraph(template, { includeGenerated: true });
  const shown = graph.nodes.filter((n) => !n.detail);
  const ids = new Set(shown.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const fn = template.functions[0].logicalId;
  const usage = parseUsageFile('').usage;
  return [
    {
      name: `graph model, 500 resources (${graph.nodes.length} nodes, ${graph.edges.length} edges)`,
      ...measure(() => buildGraph(template, { includeGenerated: true }), { runs: 30, warmup: 5 }),
    },
    {
      name: `graph layout (dagre), ${shown.length} nodes and ${edges.length} edges shown`,
      ...measure(() => layoutGraph(shown, edges), { runs: 10, warmup: 2 }),
    },
    {
      name: 'memory/cost curve of one function, 500-resource stack',
      ...measure(() => memoryCurve(template, usage, {}, fn), { runs: 10, warmup: 2 }),
    },
  ];
}
