// Authoring on a generated 2,000-resource SAM template: definition, references and completion once the
// model is built (the symbol index is built on first use and cached per model), plus that first build
// and the first read of the CloudFormation type index, which happen once per model and once per session.
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import { generateSamTemplate } from './generate.mjs';
import { measure, round } from './measure.mjs';

const require = createRequire(import.meta.url);
const core = require('./core.cjs');
const readData = (name) => JSON.parse(readFileSync(new URL(`../data/${name}.json`, import.meta.url), 'utf8'));

export async function run() {
  const text = generateSamTemplate(2000);
  const template = core.loadTemplate(text, 'template.yaml');
  const rows = [];

  // A shallow copy is a new model identity with the same content, so each run builds the index anew.
  rows.push({
    name: 'symbol index build, 2,000 resources (once per model version)',
    ...measure(() => core.symbolIndex({ ...template }), { runs: 10, warmup: 2 }),
    note: 'then cached for the model',
  });
  core.symbolIndex(template);

  const uses = [...text.matchAll(/!Ref Table(\d+)|!GetAtt Queue(\d+)\.Arn/g)].map(
    (m) => m.index + m[0].indexOf(m[0].startsWith('!Ref') ? 'Table' : 'Queue') + 1,
  );
  let i = 0;
  rows.push({
    name: 'go to definition (Ref/GetAtt → resource), 2,000 resources',
    ...measure(() => core.definitionAt(template, uses[i++ % uses.length]), { runs: 200 }),
    target: 10,
  });

  const table = text.indexOf('  Table200:') + 3;
  rows.push({
    name: 'find references of a table, 2,000 resources',
    ...measure(() => core.referencesAt(template, table, { includeDeclaration: true }), { runs: 200 }),
    target: 10,
  });

  const catalog = new core.SchemaCatalog(readData);
  const start = performance.now();
  catalog.resourceTypes(true);
  rows.push({
    name: 'first read of the CloudFormation type index (once per session)',
    medianMs: round(performance.now() - start),
    note: 'single run, lazy',
  });

  const ref = text.indexOf('TABLE_NAME: !Ref Table300') + 'TABLE_NAME: !Ref '.length;
  rows.push({
    name: 'completion of !Ref targets, 2,000 resources',
    ...measure(() => core.completionsAt(template, ref, { catalog }), { runs: 100 }),
    target: 10,
  });
  const getAtt = text.indexOf('!GetAtt Queue300.Arn') + '!GetAtt Queue300.'.length;
  rows.push({
    name: 'completion of !GetAtt attributes, 2,000 resources',
    ...measure(() => core.completionsAt(template, getAtt, { catalog }), { runs: 100 }),
    target: 10,
  });
  const property = text.indexOf('      VisibilityTimeout: 180', text.indexOf('  Queue300:')) + 7;
  rows.push({
    name: 'completion of resource properties, 2,000 resources',
    ...measure(() => core.completionsAt(template, property, { catalog }), { runs: 100 }),
    target: 10,
  });
  return rows;
}
