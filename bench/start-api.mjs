// The local HTTP API under load on loopback: 2,000 requests at concurrency 20 and at concurrency 4 against the
// test application's warm Node.js handler through the CLI's `start-api` (a process of its own, as a user runs it),
// p50 and p99, no error allowed, and no process left after it stops. Also the warm median of one request at a time.
import { spawn } from 'child_process';
import path from 'path';
import { fileURLToPath } from 'url';
import { summarize } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEMPLATE = path.join(ROOT, 'test/fixtures/http-api/template.yaml');
const REQUESTS = 2000;

/** Runs `requests` GETs with `concurrency` callers; returns each one's latency, and the failures. */
async function load(url, requests, concurrency) {
  const times = [];
  const failures = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const start = performance.now();
        try {
          const res = await fetch(url);
          const text = await res.text();
          if (res.status !== 200 || text !== 'mine') failures.push(`${res.status} ${text.slice(0, 80)}`);
        } catch (error) {
          failures.push(String(error));
        }
        times.push(performance.now() - start);
      }
    }),
  );
  return { times, failures };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process IDs in `pid`'s process tree (Linux /proc), to prove none is left after stop. */
async function descendants(pid) {
  const { readdirSync, readFileSync } = await import('fs');
  const parents = new Map();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const visit = (p) => {
    for (const [child, parent] of parents) if (parent === p) (found.push(child), visit(child));
  };
  visit(pid);
  return found;
}

export async function run() {
  const server = spawn(process.execPath, [CLI, 'start-api', TEMPLATE, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`start-api exited ${code}`)));
  });
  const url = `${base}/items/me`;
  const rows = [];
  let children = [];
  try {
    await load(url, 40, 20);
    const one = await load(url, 200, 1);
    rows.push({ name: 'local API request, warm, one at a time (median)', ...summarize(one.times) });
    for (const concurrency of [4, 20]) {
      const { times, failures } = await load(url, REQUESTS, concurrency);
      const s = summarize(times);
      const sorted = [...times].sort((a, b) => a - b);
      const p99 = Math.round(sorted[Math.floor(0.99 * (sorted.length - 1))] * 10) / 10;
      rows.push({
        name: `local API, ${REQUESTS} requests at concurrency ${concurrency} (p50; p99 in note)`,
        medianMs: s.medianMs,
        p95Ms: s.p95Ms,
        ok: failures.length === 0,
        note: `p99 ${p99} ms; ${failures.length} errors${failures.length ? `: ${failures[0]}` : ''}`,
      });
    }
    children = await descendants(server.pid);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const left = children.filter(alive);
  rows.push({
    name: 'processes left after start-api stops',
    value: `${left.length} of ${children.length}`,
    ok: left.length === 0,
  });
  return rows;
}
