// The deployed-stack and log code is loaded on the first look at the deployed side, never at activation; the build
// makes it a bundle of its own beside extension.js (scripts/chunks.mjs, FEATURE_CHUNKS). Types come from it freely.
export type CloudCore = typeof import('../../core/cloud');

let loading: Promise<CloudCore> | undefined;
let loaded: CloudCore | undefined;

export function cloudCore(): Promise<CloudCore> {
  loading ??= Promise.resolve()
    .then(
      // A required chunk, not import(): the bundle runs from V8's code cache (src/code-cache.ts), where a dynamic
      // import has no loader.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require('../../core/cloud') as CloudCore,
    )
    .then((core) => (loaded = core));
  return loading;
}

/** The core once something has loaded it: what only shows after a stack was read can use it synchronously. */
export function loadedCloudCore(): CloudCore | undefined {
  return loaded;
}
