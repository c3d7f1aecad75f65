// Schema validation (every written resource's Properties and SAM Globals against data/cfn-schemas/ and
// data/sam-schemas.json) on generated SAM templates, beyond the model build: a fresh model per run, so the
// per-template cache never answers; the schema files the template's services need are read by the first
// validation, before measuring, as the editor reads them once per session.
import { createRequire } from 'module';
import { existsSync, readFileSync } from 'fs';
import { generateSamTemplate } from './generate.mjs';
import { measure, round } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { SchemaCatalog } = require('../src/core/schema/catalog.ts');
const { schemaViolations } = require('../src/core/schema/validation/template.ts');

const RUNS = 30;
const WARMUP = 10;
const DATA = new URL('../data/', import.meta.url);

export async function run() {
  if (!existsSync(new URL('cfn-schemas/namespaces.json', DATA)))
    return [{ name: 'schema validation', note: 'skipped: data/cfn-schemas/ is not generated' }];
  const read = [];
  const catalog = new SchemaCatalog((name) => {
    read.push(name);
    return JSON.parse(readFileSync(new URL(`${name}.json`, DATA), 'utf8'));
  });
  const rows = [];
  for (const [count, target] of [
    [500, 20],
    [2000, undefined],
  ]) {
    const text = generateSamTemplate(count);
    const models = Array.from({ length: RUNS + WARMUP + 1 }, () => loadTemplate(text, '/bench/template.yaml'));
    const readsBefore = read.length;
    const firstStart = performance.now();
    schemaViolations(models[0], catalog);
    const firstMs = Math.round(performance.now() - firstStart);
    const files = read.slice(readsBefore);
    let next = 1;
    let violations = 0;
    const cpu = [];
    const timing = measure(
      () => {
        const before = process.cpuUsage();
        violations = schemaViolations(models[next++], catalog).length;
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      },
      { runs: RUNS, warmup: WARMUP },
    );
    const cpuMedian = round(cpu.slice(WARMUP).sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
    rows.push({
      name: `schema validation, ${count} resources, beyond the model build`,
      ...timing,
      target,
      note:
        `${violations} violations; CPU time median ${cpuMedian} ms; first validation ${firstMs} ms, reading ` +
        `${files.length ? files.join(', ') : 'no schema file (read by the template before)'}`,
    });
  }
  return rows;
}
