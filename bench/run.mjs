// `npm run bench`: runs every bench/<area>.mjs module, prints one table and writes bench/results.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';

const HELPERS = new Set(['run.mjs', 'generate.mjs', 'measure.mjs']);
const only = process.argv.slice(2);
const modules = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && !HELPERS.has(f))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const results = [];
for (const file of modules) {
  const area = file.replace(/\.mjs$/, '');
  process.stderr.write(`bench: ${area}…\n`);
  try {
    const { run } = await import(new URL(file, import.meta.url));
    // The machine is shared: the load when an area ran says how far its figures are from an idle machine's.
    const loadAverage = Math.round(os.loadavg()[0] * 10) / 10;
    for (const row of await run()) results.push({ area, ...row, loadAverage });
  } catch (error) {
    results.push({
      area,
      name: 'failed',
      note: String(error?.stack ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | '),
    });
  }
}

const verdict = (r) => {
  if (r.ok !== undefined) return r.ok ? 'ok' : 'MISSED';
  if (typeof r.target === 'number' && typeof r.medianMs === 'number') return r.medianMs < r.target ? 'ok' : 'MISSED';
  return '';
};
const rows = results.map((r) => [
  r.area,
  r.name,
  r.medianMs !== undefined ? `${r.medianMs} ms` : (r.value ?? ''),
  r.p95Ms !== undefined ? `${r.p95Ms} ms` : '',
  typeof r.target === 'number' ? `< ${r.target} ms` : (r.target ?? ''),
  verdict(r),
  r.note ?? '',
]);
const header = ['area', 'measurement', 'median', 'p95', 'target', '', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

// A partial run (`npm run bench editor`) replaces its areas' rows and keeps the others' from the last run.
const resultsFile = new URL('results.json', import.meta.url);
const ranAreas = new Set(modules.map((f) => f.replace(/\.mjs$/, '')));
const kept =
  only.length === 0 || !existsSync(resultsFile)
    ? []
    : JSON.parse(readFileSync(resultsFile, 'utf8')).results.filter((r) => !ranAreas.has(r.area));
writeFileSync(
  resultsFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      results: [...kept, ...results],
    },
    null,
    2,
  )}\n`,
);
