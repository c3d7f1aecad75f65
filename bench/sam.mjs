// The SAM share of the model build: Globals merge plus every implicit resource, on generated SAM templates
// (already parsed, so the number is ours alone; `model.mjs` measures the whole text → model path).
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
require('../scripts/register-ts.cjs');
const { parseYaml } = require('../src/core/model/parse-yaml.ts');
const { writtenResources } = require('../src/core/model/cloudformation.ts');
const { applyGlobals } = require('../src/core/model/sam/globals.ts');
const { transformSam } = require('../src/core/model/sam/implicit.ts');
const { valueOf } = require('../src/core/model/nodes.ts');

/** A tenth of the 60 ms budget for building a 500-resource model: the rest belongs to parsing. */
const SAM_SHARE_OF_500_BUDGET_MS = 6;

export async function run() {
  const rows = [];
  for (const [count, target] of [
    [500, SAM_SHARE_OF_500_BUDGET_MS],
    [2000, undefined],
  ]) {
    const text = generateSamTemplate(count);
    const { root } = parseYaml(text);
    const transform = () =>
      transformSam(applyGlobals(writtenResources(root, []), valueOf(root, 'Globals'), []), root, text);
    const generated = transform().generated.length;
    rows.push({
      name: `SAM Globals + implicit resources, ${count} resources (${generated} generated)`,
      ...measure(transform, { runs: 100 }),
      target,
      note: 'parsed once outside the timing',
    });
  }
  return rows;
}
