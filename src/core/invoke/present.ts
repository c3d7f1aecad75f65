import type { UsedSetting } from './local-settings';
import type { InvocationResult } from './types';

/** Settings an invocation used, by name (`timeoutSeconds`, `memorySizeMb`, `functionName`, ...). */
export type ShownSettings = { readonly [name: string]: UsedSetting<unknown> };

/**
 * The result as one JSON object: what `invoke --format json` prints and the editor's result document shows,
 * with the settings it ran with, each as `{value, from}`.
 */
export function invocationJson(result: InvocationResult, settings?: ShownSettings): unknown {
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
    ...(settings ? { settings: settingsJson(settings) } : {}),
  };
}

function settingsJson(settings: ShownSettings): Record<string, { value: unknown; from: string }> {
  const out: Record<string, { value: unknown; from: string }> = {};
  for (const [name, { value, from }] of Object.entries(settings)) out[name] = { value, from };
  return out;
}

/** One line per setting: "Timeout 10 s — Default of parameter T". */
export function settingLines(settings: ShownSettings): string[] {
  return Object.values(settings).map((s) => s.line);
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
