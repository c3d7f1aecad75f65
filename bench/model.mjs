// Model build time (text → Template) on generated SAM templates, and the size of the shipped bundles.
import { createRequire } from 'module';
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { build } from 'esbuild';
import { ACTIVATION_FILES, ACTIVATION_LIMIT_BYTES } from '../scripts/activation-budget.mjs';
import { commonOptions } from '../scripts/esbuild-common.mjs';
import { generateSamTemplate } from './generate.mjs';
import { measure, measureInterleaved } from './measure.mjs';

const require = createRequire(import.meta.url);
const { loadTemplate } = require('./core.cjs');
const { parseDocument } = require('yaml');
const { parseYaml, resultOfDocument, YAML_OPTIONS } = require('../src/core/model/parse-yaml.ts');

/** The core as the extension ships it (bundled with the same options), which is what users wait for. */
async function bundledCore() {
  const dir = mkdtempSync(join(tmpdir(), 'swb-bench-'));
  const outfile = join(dir, 'core.js');
  await build({
    ...commonOptions(),
    entryPoints: [new URL('../src/core/index.ts', import.meta.url).pathname],
    outfile,
    sourcemap: false,
  });
  try {
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

export async function run() {
  const rows = [];
  const shipped = await bundledCore();
  for (const [count, target] of [
    [500, 60],
    [2000, undefined],
  ]) {
    const text = generateSamTemplate(count);
    const kb = Math.round(text.length / 1024);
    // The model issue's bar: building the whole model, every function setting resolved through parameters, a
    // mapping and a condition, costs no more than `yaml` parsing the same text alone. Interleaved, same run.
    const [parser, model] = measureInterleaved(
      [() => parseDocument(text), () => shipped.loadTemplate(text, 'template.yaml')],
      { runs: 30 },
    );
    rows.push({
      name: `yaml.parseDocument alone, ${count} resources (${kb} KB)`,
      ...parser,
      note: 'reference: the parser without our model',
    });
    rows.push({
      name: `model build with resolution, ${count} resources (${kb} KB)`,
      ...model,
      target,
      ok: model.medianMs <= parser.medianMs && (target === undefined || model.medianMs < target),
      note:
        `the core as bundled in dist/; ${Math.round((model.medianMs / parser.medianMs) * 100)}% of ` +
        `yaml.parseDocument alone`,
    });
    rows.push({
      name: `model build from source, ${count} resources (${kb} KB)`,
      ...measure(() => loadTemplate(text, 'template.yaml')),
      note: "with yaml's Node build, as the unit tests run it",
    });
    const [before, after] = measureInterleaved(
      [() => resultOfDocument(text, parseDocument(text, YAML_OPTIONS)), () => parseYaml(text)],
      { runs: 40 },
    );
    rows.push({
      name: `YAML → nodes before (via yaml documents), ${count} resources`,
      ...before,
      note: 'interleaved with the next row',
    });
    rows.push({ name: `YAML → nodes now (straight from yaml's CST), ${count} resources`, ...after });
  }
  const sizeOf = (file) => statSync(new URL(`../${file}`, import.meta.url)).size;
  const activationBytes = ACTIVATION_FILES.reduce((sum, file) => sum + sizeOf(file), 0);
  rows.push({
    name: `code loaded at activation (${ACTIVATION_FILES.join(' + ')})`,
    value: `${Math.round(activationBytes / 1000)} KB`,
    target: `< ${ACTIVATION_LIMIT_BYTES / 1000} KB`,
    ok: activationBytes < ACTIVATION_LIMIT_BYTES,
  });
  for (const file of ['dist/cli.js', 'dist/cli-lint.js']) {
    rows.push({ name: `bundle size ${file}`, value: `${Math.round(sizeOf(file) / 1000)} KB` });
  }
  return rows;
}
