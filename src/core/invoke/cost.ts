import { MB_PER_GB, pricesFor } from '../cost/prices';

/**
 * What one invocation costs at the Region's on-demand list prices (data/prices.json, through src/core/cost),
 * before the free tier: one request plus the billed GB-seconds at the first duration tier, the rate of a
 * month's first billions of GB-seconds. Billed duration is already rounded up to 1 ms (aws.amazon.com/lambda/pricing).
 */
export function invocationCostUsd(
  billedDurationMs: number,
  memorySizeMb: number,
  architecture: 'x86_64' | 'arm64',
  region: string,
): number {
  const lambda = pricesFor(region).sheet.lambda;
  const gbSeconds = (memorySizeMb / MB_PER_GB) * (billedDurationMs / 1000);
  return lambda.requestUsd + gbSeconds * lambda.durationUsdPerGbSecond[architecture][0].usd;
}
