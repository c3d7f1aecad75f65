// The deployed-stack and log code is loaded on the first look at the deployed side, never at activation; the build
// makes it a bundle of its own beside extension.js (scripts/build.mjs, FEATURE_CHUNKS). Types come from it freely.
export type CloudCore = typeof import('../../core/cloud');

let loading: Promise<CloudCore> | undefined;
let loaded: CloudCore | undefined;

export function cloudCore(): Promise<CloudCore> {
  loading ??= import('../../core/cloud').then((core) => (loaded = core));
  return loading;
}

/** The core once something has loaded it: what only shows after a stack was read can use it synchronously. */
export function loadedCloudCore(): CloudCore | undefined {
  return loaded;
}
