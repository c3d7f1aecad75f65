// The invoker is loaded on the first invocation, never at activation; the build makes it a bundle of its own
// beside extension.js (scripts/build.mjs, FEATURE_CHUNKS), so it costs the main bundle nothing.
export type InvokeCore = typeof import('../../core/invoke');

let loading: Promise<InvokeCore> | undefined;

export function invokeCore(): Promise<InvokeCore> {
  loading ??= import('../../core/invoke');
  return loading;
}
