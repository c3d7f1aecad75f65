// The invoker is loaded on the first invocation, never at activation; the build makes it a bundle of its own
// beside extension.js (scripts/chunks.mjs, FEATURE_CHUNKS), so it costs the main bundle nothing.
export type InvokeCore = typeof import('../../core/invoke');

let loading: Promise<InvokeCore> | undefined;

export function invokeCore(): Promise<InvokeCore> {
  loading ??= Promise.resolve().then(
    // A required chunk, not import(): the bundle runs from V8's code cache (src/code-cache.ts), where a dynamic
    // import has no loader.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('../../core/invoke') as InvokeCore,
  );
  return loading;
}
