// The rule engine is required at the first analysis, not at activation; the build makes it a bundle of its own
// beside extension.js (scripts/chunks.mjs, FEATURE_CHUNKS), which keeps the main bundle small.
export type RulesModule = typeof import('../core/rules');

let loaded: RulesModule | undefined;

export function rulesEngine(): RulesModule {
  // A lazily required chunk (scripts/chunks.mjs): an import would put the rules in the activation bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../core/rules') as RulesModule;
  return loaded;
}
