// Rule engine time on generated SAM templates, beyond the model build: every rule, on a model built
// beforehand (a fresh model per run, so no per-template cache helps). Keystroke → Problems in the real
// extension host is bench/editor.mjs.
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { analyzeTemplate } = require('../src/core/rules/index.ts');

const RUNS = 30;
const WARMUP = 5;

export async function run() {
  const rows = [];
  for (const [count, target] of [[500, 30], [2000, undefined]]) {
    const text = generateSamTemplate(count);
    const models = Array.from({ length: RUNS + WARMUP }, () => loadTemplate(text, '/bench/template.yaml'));
    let next = 0;
    let findings = 0;
    const timing = measure(() => {
      findings = analyzeTemplate(models[next++], { today: '2026-11-23' }).findings.length;
    }, { runs: RUNS, warmup: WARMUP });
    rows.push({ name: `lint (all rules), ${count} resources, beyond the model build`, ...timing, target, note: `${findings} findings` });
  }
  return rows;
}
