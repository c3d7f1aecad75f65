// Deploy and sync load on the first of those commands, never at activation: the build makes core/deploy a bundle
// of its own (scripts/build.mjs, FEATURE_CHUNKS) and its AWS SDK clients another.
export type DeployCore = typeof import('../../core/deploy');

let loading: Promise<DeployCore> | undefined;

export function deployCore(): Promise<DeployCore> {
  loading ??= import('../../core/deploy');
  return loading;
}
