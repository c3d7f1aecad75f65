import { loadSdkBundle } from '../aws/lazy-sdk';

/** The SDK clients deploy and sync use (aws-sdk-deploy.ts). */
export type DeploySdk = typeof import('./aws-sdk-deploy');

export function loadDeploySdk(): DeploySdk {
  return loadSdkBundle<DeploySdk>('aws-sdk-deploy', __dirname);
}
