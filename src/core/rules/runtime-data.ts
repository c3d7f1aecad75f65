import table from '../../../data/lambda-runtimes.json';

/**
 * One runtime's lifecycle (data/lambda-runtimes.json, derived from AWS's schedule; Lambda developer guide, "Lambda
 * runtimes").
 */
export interface RuntimeLifecycle {
  readonly deprecated: string | null;
  readonly createBlock: string | null;
  readonly updateBlock: string | null;
  readonly successor: string | null;
}

export const RUNTIMES: Readonly<Record<string, RuntimeLifecycle>> = table.runtimes;
export const RUNTIME_DATA_DATE: string = table.date;

/** A runtime's successor, following the chain to one that is current (python3.8 → python3.14). */
export function successorOf(runtime: string): string | undefined {
  let current = RUNTIMES[runtime]?.successor ?? undefined;
  for (let i = 0; current && RUNTIMES[current]?.successor && i < 5; i++)
    current = RUNTIMES[current].successor ?? undefined;
  return current;
}
