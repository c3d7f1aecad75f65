// Cost estimate of the generated 500- and 2000-resource SAM templates, after the model is built: what a
// keystroke costs the CodeLens, explorer and status bar once the store has the new model.
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { estimateCost, parseUsageFile, usageFileTemplate } = require('../src/core/cost/index.ts');

/** CPU time of the estimate alone (median of 100): what it costs when other processes share the cores. */
function cpuMedianMs(fn) {
  const times = [];
  for (let i = 0; i < 100; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[50] * 100) / 100;
}

export async function run() {
  const rows = [];
  for (const [count, target] of [
    [500, 10],
    [2000, undefined],
  ]) {
    const template = loadTemplate(generateSamTemplate(count), 'template.yaml');
    const none = parseUsageFile('').usage;
    const priced = estimateCost(template, none).resources.length;
    const noUsage = () => estimateCost(template, none);
    rows.push({
      name: `cost estimate, ${count} resources (${priced} priced), no usage file`,
      ...measure(noUsage, { runs: 100, warmup: 20 }),
      target,
      note: `CPU time ${cpuMedianMs(noUsage)} ms`,
    });
    // A usage file naming every resource: the usual case once the command has created it.
    const { usage } = parseUsageFile(usageFileTemplate(template));
    const withUsage = () => estimateCost(template, usage);
    rows.push({
      name: `cost estimate, ${count} resources, usage file for every resource`,
      ...measure(withUsage, { runs: 100, warmup: 20 }),
      target,
      note: `CPU time ${cpuMedianMs(withUsage)} ms`,
    });
  }
  return rows;
}
