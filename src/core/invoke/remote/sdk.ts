import * as fs from 'fs';
import * as path from 'path';

/** The few AWS SDK pieces remote invocation needs (see aws-sdk-bundle.ts). */
export type AwsSdk = typeof import('./aws-sdk-bundle');

let loaded: AwsSdk | undefined;

/**
 * Loads the AWS SDK on first use, never at activation. Bundled builds ship it as its own file
 * (dist/aws-sdk-bundle.js, built by scripts/build.mjs); from the sources it is the TypeScript module.
 */
export function loadAwsSdk(): AwsSdk {
  if (loaded) return loaded;
  const bundled = path.join(__dirname, 'aws-sdk-bundle.js');
  const file = fs.existsSync(bundled) ? bundled : path.join(__dirname, 'aws-sdk-bundle');
  // A computed path keeps esbuild from inlining the SDK into the extension bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require(file) as AwsSdk;
  return loaded;
}
