import type { Template } from '../model/template';
import type { Architecture, CostOptions } from './estimate';
import { estimateCost } from './estimate';
import type { UsageFile } from './usage-file';

/**
 * Lambda's memory range (Lambda developer guide, "Lambda quotas": 128 MB to 10,240 MB) and the sizes people usually
 * pick within it.
 */
const MEMORY_STEPS = [128, 256, 512, 768, 1024, 1536, 2048, 3008, 4096, 5120, 6144, 8192, 10240];

/**
 * Runtimes that cannot run on arm64: those on Amazon Linux 1 and go1.x (AWS Lambda developer guide,
 * "Lambda instruction set architectures": arm64 needs an Amazon Linux 2 or later runtime).
 */
const X86_ONLY_RUNTIMES = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'java8',
  'go1.x',
  'ruby2.5',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'provided',
]);

export function supportsArm64(runtime: string | undefined): boolean {
  return runtime !== undefined && !X86_ONLY_RUNTIMES.has(runtime);
}

/** Two sizes below and two above the current one, from the usual steps. */
export function neighbouringMemorySizes(current: number): number[] {
  const below = MEMORY_STEPS.filter((m) => m < current).slice(-2);
  const above = MEMORY_STEPS.filter((m) => m > current).slice(0, 2);
  return [...below, current, ...above];
}

export interface WhatIfRow {
  readonly label: string;
  readonly current: boolean;
  readonly monthlyUsd: number;
}

type Change = { readonly memoryMb?: number; readonly arch?: Architecture };

/**
 * The monthly cost of some functions, each before the account's free tier (the stack otherwise unchanged)
 * under each alternative setting. Duration is kept as given: more memory often runs faster, which the
 * usage file can say.
 */
export function whatIf(
  template: Template,
  usage: UsageFile,
  options: CostOptions,
  functionIds: readonly string[],
  alternatives: readonly { label: string; current: boolean; change: Change }[],
): WhatIfRow[] {
  return alternatives.map((alt) => {
    const overrides = new Map(functionIds.map((id) => [id, alt.change]));
    const report = estimateCost(template, usage, { ...options, functionOverrides: overrides });
    const monthlyUsd = report.resources
      .filter((r) => functionIds.includes(r.logicalId))
      .reduce((sum, r) => sum + r.monthlyUsd, 0);
    return { label: alt.label, current: alt.current, monthlyUsd };
  });
}
