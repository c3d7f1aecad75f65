import type { ResolvedUsage, UsageFigure } from './wiring';

/**
 * The usage a pricer is given, recording which keys it reads: a default that the price did not depend on (a NAT
 * figure of a function outside a VPC) is not reported as one. Pricers stay unaware of it, new services included.
 */
export function recordingReads(usage: ResolvedUsage): { usage: ResolvedUsage; read: Set<string> } {
  const read = new Set<string>();
  const tracked: Record<string, UsageFigure> = {};
  for (const key of Object.keys(usage))
    Object.defineProperty(tracked, key, {
      enumerable: true,
      get: () => {
        read.add(key);
        return usage[key];
      },
    });
  return { usage: tracked, read };
}
