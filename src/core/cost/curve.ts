import type { Template } from '../model/template';
import type { Architecture, CostOptions, CostReport } from './estimate';
import { estimateCost } from './estimate';
import type { UsageFile } from './usage-file';
import { supportsArm64 } from './what-if';
import { formatInteger } from '../format-number';

/**
 * Lambda gives a function CPU in proportion to its memory; at 1,769 MB it has the equivalent of one full vCPU
 * (AWS Lambda Developer Guide, "Configuring Lambda function memory"). Lambda's memory range is 128 MB to
 * 10,240 MB (Lambda developer guide, "Lambda quotas").
 */
export const ONE_VCPU_MB = 1769;
export const MIN_MEMORY_MB = 128;
export const MAX_MEMORY_MB = 10240;

/** The model, named on the chart: a CPU-bound, single-threaded handler speeds up until it has one whole vCPU. */
export const DURATION_MODEL =
  `CPU-bound, single-threaded: duration ∝ 1 / min(memory, ${formatInteger(ONE_VCPU_MB)} MB); same duration on ` +
  `arm64 and x86_64`;

/** Every 64 MB up to 2,048 MB, where the curve bends; every 512 MB above, where it is a straight line. */
export const CURVE_MEMORY_SIZES: readonly number[] = [
  ...Array.from({ length: (2048 - MIN_MEMORY_MB) / 64 + 1 }, (_, i) => MIN_MEMORY_MB + 64 * i),
  ...Array.from({ length: (MAX_MEMORY_MB - 2048) / 512 }, (_, i) => 2560 + 512 * i),
];

export interface CurvePoint {
  readonly memoryMb: number;
  readonly arch: Architecture;
  readonly durationMs: number;
  readonly monthlyUsd: number;
}

export interface MemoryCurve {
  readonly functionId: string;
  readonly current: {
    readonly memoryMb: number;
    readonly arch: Architecture;
    readonly durationMs: number;
    readonly monthlyUsd: number;
  };
  /** Where the measured duration comes from (`usage file`, `default`): the model scales that one figure. */
  readonly durationSource: string;
  readonly model: string;
  /** Both architectures, or only x86_64 for runtimes that cannot run on arm64. */
  readonly points: readonly CurvePoint[];
}

/** Duration at `memoryMb` from the duration measured at `baseMb`, under DURATION_MODEL. */
export function scaledDuration(baseMs: number, baseMb: number, memoryMb: number): number {
  return (baseMs * Math.min(baseMb, ONE_VCPU_MB)) / Math.min(memoryMb, ONE_VCPU_MB);
}

/**
 * A function's monthly cost and duration across Lambda's memory range, on each architecture it can run on,
 * before the account's free tier, the rest of the stack unchanged. Undefined for an unknown function.
 */
export function memoryCurve(
  template: Template,
  usage: UsageFile,
  options: CostOptions,
  functionId: string,
): MemoryCurve | undefined {
  const fn = template.functions.find((f) => f.logicalId === functionId);
  if (!fn) return undefined;
  const base = estimateCost(template, usage, options);
  const costed = base.resources.find((r) => r.logicalId === functionId);
  if (!costed?.lambda) return undefined;
  // The settings the estimate priced (an unknown memory size is priced at Lambda's default, and says so there).
  const { memoryMb, arch } = costed.lambda;
  const duration = costed.usage.averageDurationMs;
  const { lambdaOnly, lambdaUsage } = functionsAlone(template, usage, base);
  const costAt = (mb: number, a: Architecture, durationMs: number): number => {
    const report = estimateCost(lambdaOnly, lambdaUsage, {
      ...options,
      region: base.region,
      functionOverrides: new Map([[functionId, { memoryMb: mb, arch: a, averageDurationMs: durationMs }]]),
    });
    return report.resources.find((r) => r.logicalId === functionId)?.monthlyUsd ?? 0;
  };
  const architectures: Architecture[] =
    supportsArm64(fn.runtime?.value) || arch === 'arm64' ? ['x86_64', 'arm64'] : ['x86_64'];
  const sizes = [...new Set([...CURVE_MEMORY_SIZES, memoryMb])]
    .filter((m) => m >= MIN_MEMORY_MB && m <= MAX_MEMORY_MB)
    .sort((a, b) => a - b);
  const points = architectures.flatMap((a) =>
    sizes.map((mb) => {
      const durationMs = scaledDuration(duration.value, memoryMb, mb);
      return { memoryMb: mb, arch: a, durationMs, monthlyUsd: costAt(mb, a, durationMs) };
    }),
  );
  return {
    functionId,
    current: { memoryMb, arch, durationMs: duration.value, monthlyUsd: costed.monthlyUsd },
    durationSource: duration.source,
    model: DURATION_MODEL,
    points,
  };
}

/**
 * The stack as far as a function's price can tell: its functions, with the usage the full estimate resolved for
 * each written out so that no neighbour is needed to infer it. A hundred estimates of this are what a curve costs,
 * not of the whole stack.
 */
function functionsAlone(
  template: Template,
  usage: UsageFile,
  base: CostReport,
): { lambdaOnly: Template; lambdaUsage: UsageFile } {
  const ids = new Set(template.functions.map((f) => f.logicalId));
  const resources = template.resources.filter((r) => ids.has(r.logicalId));
  const resolved = base.resources.filter((r) => ids.has(r.logicalId));
  return {
    lambdaOnly: { ...template, resources, resourceById: new Map(resources.map((r) => [r.logicalId, r])) },
    lambdaUsage: {
      ...usage,
      resources: Object.fromEntries(
        resolved.map((r) => [
          r.logicalId,
          Object.fromEntries(Object.entries(r.usage).map(([key, figure]) => [key, figure.value])),
        ]),
      ),
    },
  };
}
