import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../src/core';
import { analyzeTemplate } from '../src/core/rules';
import { samValidation } from '../src/core/rules/sam-validation';
const CORPUS = '/work/shared/corpus/sam-translator';
const inputs = fs.readdirSync(path.join(CORPUS, 'input')).filter((f) => f.endsWith('.yaml')).sort();
let hit = 0; const miss: string[] = []; const fp: string[] = [];
for (const f of inputs) {
  const text = fs.readFileSync(path.join(CORPUS, 'input', f), 'utf8');
  const t = loadTemplate(text, f);
  if (!t) { if (f.startsWith('error_')) miss.push(f + ' (not a template)'); continue; }
  const r = analyzeTemplate(t, { today: '2026-11-23' }, [samValidation]);
  if (r.crashes.length) console.log('CRASH', f, r.crashes[0].message);
  const msgs = r.findings.map((x) => { const p = t.lines.oneBased(x.span); return `${p.line}:${p.column} ${x.message}`; });
  if (f.startsWith('error_')) {
    if (msgs.length) { hit++; if (process.argv.includes('-v')) console.log('HIT', f, msgs.join(' | ')); }
    else { const o = JSON.parse(fs.readFileSync(path.join(CORPUS, 'output', f.replace('.yaml', '.json')), 'utf8')); miss.push(f.slice(6, -5) + ' :: ' + String(o.errorMessage).replace(/^Invalid Serverless Application Specification document. Number of errors found: /, '').slice(0, 220)); }
  } else if (msgs.length) fp.push(f + ' ' + msgs.join(' | '));
}
if (process.argv.includes('-m')) console.log(miss.join('\n'));
console.log('FALSE', fp.join('\n'));
console.log(`hit ${hit} of ${inputs.filter((f) => f.startsWith('error_')).length}`);
