/**
 * What one invocation costs at Lambda's us-east-1 on-demand list prices, before the free tier
 * (aws-facts.md §D "Lambda": requests $0.20 per 1M; duration tier 1 $0.0000166667 per GB-s on x86_64,
 * $0.0000133334 on arm64; billed duration rounded up to 1 ms; 1 GB = 1,024 MB in AWS billing).
 */
export const LAMBDA_US_EAST_1_PRICES = {
  source: 'aws-facts.md §D, Price List API capture Oct 2025 (SKUs GU2ZS9HVP6QTQ7KE, TG3M4CAGBA3NYQBH, 72SBSFWPMDTH8S3J)',
  perRequestUsd: 0.2 / 1_000_000,
  perGbSecondUsd: { x86_64: 0.0000166667, arm64: 0.0000133334 },
} as const;

export function invocationCostUsd(billedDurationMs: number, memorySizeMb: number, architecture: 'x86_64' | 'arm64' = 'x86_64'): number {
  const gbSeconds = (memorySizeMb / 1024) * (billedDurationMs / 1000);
  return LAMBDA_US_EAST_1_PRICES.perRequestUsd + gbSeconds * LAMBDA_US_EAST_1_PRICES.perGbSecondUsd[architecture];
}
