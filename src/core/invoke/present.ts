import type { InvocationResult } from './types';

/** The result as one JSON object: what `invoke --format json` prints and the editor's result document shows. */
export function invocationJson(result: InvocationResult): unknown {
  let payload: unknown = result.payload;
  try {
    payload = JSON.parse(result.payload);
  } catch {
    // Not JSON: keep the text.
  }
  return {
    payload,
    functionError: result.functionError ?? null,
    logs: result.logs,
    durationMs: round(result.durationMs),
    billedDurationMs: result.billedDurationMs,
    maxMemoryUsedMb: result.maxMemoryUsedMb ?? null,
    initDurationMs: result.initDurationMs === undefined ? null : round(result.initDurationMs),
    cold: result.cold,
    costUsd: result.costUsd,
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function summaryLine(result: InvocationResult): string {
  const parts = [
    result.cold ? 'cold' : 'warm',
    `duration ${result.durationMs.toFixed(2)} ms`,
    `billed ${result.billedDurationMs} ms`,
    `max memory ${result.maxMemoryUsedMb ?? '?'} of ${result.memorySizeMb} MB`,
  ];
  if (result.initDurationMs !== undefined) parts.push(`init ${result.initDurationMs.toFixed(2)} ms`);
  parts.push(`cost $${result.costUsd.toPrecision(3)}`);
  return parts.join(' · ');
}
