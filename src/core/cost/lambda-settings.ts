import { LAMBDA_DEFAULTS } from '../model/functions';
import type { FunctionView } from '../model/template';
import type { PricedSetting } from './settings';
import { pricedSetting } from './settings';

export type Architecture = 'x86_64' | 'arm64';

/** What-if figures: the same function at another memory size, architecture or average duration. */
export interface FunctionOverride {
  readonly memoryMb?: number;
  readonly arch?: Architecture;
  readonly averageDurationMs?: number;
}

/**
 * The settings a function is priced at. A setting the model could not resolve is priced at Lambda's default
 * (Lambda developer guide, "Lambda quotas") and says so: `memoryAssumed` puts a "?" in the CodeLens, `settings` carries
 * the reason.
 */
export interface LambdaSettings {
  readonly memoryMb: number;
  readonly arch: Architecture;
  /** Provisioned concurrent executions; 0 when none (or unknown, which `settings` then says). */
  readonly provisioned: number;
  readonly ephemeralMb: number;
  readonly memoryAssumed: boolean;
  readonly archAssumed: boolean;
  readonly provisionedAssumed: boolean;
  readonly settings: readonly PricedSetting[];
}

const WHAT_IF = 'what-if';

export function lambdaSettings(view: FunctionView, override: FunctionOverride | undefined): LambdaSettings {
  const settings: PricedSetting[] = [];
  const memory = override?.memoryMb ?? view.memorySize.value;
  settings.push(
    override?.memoryMb !== undefined
      ? { name: 'MemorySize', text: `${override.memoryMb} MB — ${WHAT_IF}` }
      : pricedSetting(
          'MemorySize',
          view.memorySize,
          'MB',
          `priced at Lambda's default ${LAMBDA_DEFAULTS.memorySize} MB`,
        ),
  );
  const arch = override?.arch ?? view.architecture.value;
  settings.push(
    override?.arch !== undefined
      ? { name: 'Architectures', text: `${override.arch} — ${WHAT_IF}` }
      : pricedSetting(
          'Architectures',
          view.architecture,
          undefined,
          `priced as Lambda's default ${LAMBDA_DEFAULTS.architecture}`,
        ),
  );
  settings.push(
    pricedSetting(
      'EphemeralStorage',
      view.ephemeralStorage,
      'MB',
      `priced at Lambda's default ${LAMBDA_DEFAULTS.ephemeralStorage} MB, which costs nothing extra`,
    ),
  );
  const provisioned = view.provisionedConcurrency;
  if (provisioned)
    settings.push(
      pricedSetting(
        'ProvisionedConcurrentExecutions',
        provisioned,
        undefined,
        'priced without provisioned concurrency',
      ),
    );
  return {
    memoryMb: memory ?? LAMBDA_DEFAULTS.memorySize,
    arch: arch ?? LAMBDA_DEFAULTS.architecture,
    provisioned: provisioned?.value ?? 0,
    ephemeralMb: view.ephemeralStorage.value ?? LAMBDA_DEFAULTS.ephemeralStorage,
    memoryAssumed: memory === undefined,
    archAssumed: arch === undefined,
    provisionedAssumed: provisioned !== undefined && provisioned.value === undefined,
    settings,
  };
}
