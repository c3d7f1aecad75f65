// Deploy and sync load on the first of those commands, never at activation: the build makes core/deploy a bundle
// of its own (scripts/chunks.mjs, FEATURE_CHUNKS) and its AWS SDK clients another.
export type DeployCore = typeof import('../../core/deploy');

let loading: Promise<DeployCore> | undefined;

export function deployCore(): Promise<DeployCore> {
  loading ??= Promise.resolve().then(
    // A required chunk, not import(): the bundle runs from V8's code cache (src/code-cache.ts), where a dynamic
    // import has no loader.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('../../core/deploy') as DeployCore,
  );
  return loading;
}
