// Rule engine time on generated SAM templates, beyond the model build: every rule, on a model built
// beforehand (a fresh model per run, so no per-template cache helps). Keystroke → Problems in the real
// extension host is bench/editor.mjs.
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure, round } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { analyzeTemplate } = require('../src/core/rules/index.ts');

const RUNS = 30;
const WARMUP = 10;
const TODAY = '2026-11-23';

export async function run() {
  // Warm the JIT on a smaller template first, so the first size measured is not the one that pays for it.
  const warm = generateSamTemplate(200);
  for (let i = 0; i < 20; i++) analyzeTemplate(loadTemplate(warm, '/bench/template.yaml'), { today: TODAY });
  const rows = [];
  for (const [count, target] of [
    [500, 30],
    [2000, undefined],
  ]) {
    const text = generateSamTemplate(count);
    const models = Array.from({ length: RUNS + WARMUP }, () => loadTemplate(text, '/bench/template.yaml'));
    let next = 0;
    let findings = 0;
    const cpu = [];
    const timing = measure(
      () => {
        const before = process.cpuUsage();
        findings = analyzeTemplate(models[next++], { today: TODAY }).findings.length;
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      },
      { runs: RUNS, warmup: WARMUP },
    );
    const cpuMedian = round(cpu.slice(WARMUP).sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
    rows.push({
      name: `lint (all rules), ${count} resources, beyond the model build`,
      ...timing,
      target,
      note: `${findings} findings; CPU time median ${cpuMedian} ms`,
    });
  }
  return rows;
}
