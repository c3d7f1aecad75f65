// The cost code is required at the first estimate, not at activation; the build makes it a bundle of its own beside
// extension.js (scripts/chunks.mjs, FEATURE_CHUNKS), which keeps the main bundle small. Types come from it freely.
export type CostModule = typeof import('../core/cost');

let loaded: CostModule | undefined;

export function costCore(): CostModule {
  // A lazily required chunk (scripts/chunks.mjs): an import would put the cost code in the activation bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../core/cost') as CostModule;
  return loaded;
}
