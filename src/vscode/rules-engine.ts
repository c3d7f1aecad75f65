// The rule engine is required at the first analysis, not at activation; the build makes it a bundle of its own
// beside extension.js (scripts/build.mjs, FEATURE_CHUNKS), which keeps the main bundle small.
export type RulesModule = typeof import('../core/rules');

let loaded: RulesModule | undefined;

export function rulesEngine(): RulesModule {
  loaded ??= require('../core/rules') as RulesModule;
  return loaded;
}
