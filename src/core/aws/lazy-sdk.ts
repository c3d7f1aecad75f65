import * as fs from 'fs';
import * as path from 'path';

const loaded = new Map<string, unknown>();

/**
 * Requires a bundle of AWS SDK clients on first use, never at activation. Built, it is `dist/<name>.js` beside the
 * caller's bundle (scripts/build.mjs); from the sources, the TypeScript module of that name in `sourceDir`.
 */
export function loadSdkBundle<T>(name: string, sourceDir: string): T {
  const cached = loaded.get(name);
  if (cached) return cached as T;
  const bundled = path.join(__dirname, `${name}.js`);
  const file = fs.existsSync(bundled) ? bundled : path.join(sourceDir, name);
  // A computed path keeps esbuild from inlining the SDK into the bundle that asks for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(file) as T;
  loaded.set(name, bundle);
  return bundle;
}

/** The Lambda, CloudFormation and CloudWatch Logs pieces remote invoke and the deployed-stack view use. */
export type AwsSdk = typeof import('./aws-sdk-bundle');

export function loadAwsSdk(): AwsSdk {
  return loadSdkBundle<AwsSdk>('aws-sdk-bundle', __dirname);
}
