import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Test credentials for the real SDK clients against the fake servers, and AWS config files of our own, so no
 * test ever reads the machine's ~/.aws or calls AWS: a `default` set of keys in the environment and a `dev`
 * profile in a temporary credentials file.
 */
export function useTestCredentials(): void {
  const saved = { ...process.env };
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-cloud-aws-'));
    fs.writeFileSync(path.join(dir, 'config'), '[profile dev]\nregion = eu-west-1\n');
    fs.writeFileSync(
      path.join(dir, 'credentials'),
      '[dev]\naws_access_key_id = AKIDDEVPROFILE\naws_secret_access_key = dev-secret\n',
    );
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    });
  });
  after(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
