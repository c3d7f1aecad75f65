// The invoker is loaded on the first invocation, never at activation (esbuild keeps the import lazy).
export type InvokeCore = typeof import('../../core/invoke');

let loading: Promise<InvokeCore> | undefined;

export function invokeCore(): Promise<InvokeCore> {
  loading ??= import('../../core/invoke');
  return loading;
}
