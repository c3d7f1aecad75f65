// Timing helpers shared by the benchmark modules: warm up, then take the median and p95 of many runs.
export function measure(fn, { runs = 30, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

/** Before/after comparisons: the functions take turns, so a busy machine slows them alike. */
export function measureInterleaved(fns, { runs = 30, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    });
  }
  return times.map(summarize);
}

export async function measureAsync(fn, { runs = 30, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

export function summarize(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), runs: sorted.length };
}

export function round(ms) {
  return Math.round(ms * 100) / 100;
}
