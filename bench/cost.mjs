// Cost estimate of the generated 500- and 2000-resource SAM templates, after the model is built: what a
// keystroke costs the CodeLens, explorer and status bar once the store has the new model.
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { estimateCost, parseUsageFile, usageFileTemplate } = require('../src/core/cost/index.ts');

export async function run() {
  const rows = [];
  for (const [count, target] of [[500, 10], [2000, undefined]]) {
    const template = loadTemplate(generateSamTemplate(count), 'template.yaml');
    const none = parseUsageFile('').usage;
    const priced = estimateCost(template, none).resources.length;
    rows.push({ name: `cost estimate, ${count} resources (${priced} priced), no usage file`, ...measure(() => estimateCost(template, none), { runs: 100, warmup: 20 }), target });
    // A usage file naming every resource: the usual case once the command has created it.
    const { usage } = parseUsageFile(usageFileTemplate(template));
    rows.push({ name: `cost estimate, ${count} resources, usage file for every resource`, ...measure(() => estimateCost(template, usage), { runs: 100, warmup: 20 }), target });
  }
  return rows;
}
