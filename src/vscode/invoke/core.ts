// The invoker is loaded on the first invocation, never at activation. In the packaged extension it is a bundle
// of its own beside extension.js (scripts/build.mjs), so it costs the main bundle nothing; run from source
// (tests) it is imported directly.
export type InvokeCore = typeof import('../../core/invoke');

declare const SWB_FEATURE_BUNDLES: boolean | undefined;

let loading: Promise<InvokeCore> | undefined;

export function invokeCore(): Promise<InvokeCore> {
  loading ??= typeof SWB_FEATURE_BUNDLES !== 'undefined' && SWB_FEATURE_BUNDLES
    ? Promise.resolve(require(`${__dirname}/invoke.js`) as InvokeCore)
    : import('../../core/invoke');
  return loading;
}
