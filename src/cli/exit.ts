/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * A command line that cannot run as written (exit 2). Recognised by its name, not by `instanceof`: each subcommand
 * is a bundle of its own (scripts/build.mjs), with its own copy of this class.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}
