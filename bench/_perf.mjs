import { generateSamTemplate } from '/work/main/bench/generate.mjs';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
require('/work/main/scripts/register-ts.cjs');
const { loadTemplate } = require('/work/main/src/core/index.ts');
const yaml = require('/work/main/node_modules/yaml');
for (const n of [500, 2000]) {
  const text = generateSamTemplate(n);
  const t = (f) => { const xs=[]; for (let i=0;i<15;i++){const s=performance.now(); f(); xs.push(performance.now()-s);} xs.sort((a,b)=>a-b); return xs[7].toFixed(1); };
  console.log(n, text.length, 'bytes', 'yaml.parseDocument', t(()=>yaml.parseDocument(text)), 'yaml CST', t(()=>{ for (const x of new yaml.Parser().parse(text)); }), 'loadTemplate', t(()=>loadTemplate(text,'template.yaml')));
}
