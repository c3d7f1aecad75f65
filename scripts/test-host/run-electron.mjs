// npm run test:electron: the same integration suite in desktop VS Code, downloaded by @vscode/test-electron.
// Needs internet access to Microsoft's update service (and a display, or xvfb-run, on Linux); on machines
// without it use `npm run test:integration`, which gets VS Code from npm instead.
// Runs the trusted-workspace tests (test-electron disables workspace trust); Restricted Mode runs in the web host.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './setup.mjs';
import { buildExtensionIfStale, bundleSuite, copyWorkspace, defaultWorkspace, SUITE_ENTRY } from './suite.mjs';

const DOWNLOAD_TIMEOUT_MS = 60_000;
const version = process.env.SWB_VSCODE_VERSION ?? 'stable';

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({
    version,
    cachePath: path.join(REPO_ROOT, '.vscode-test'),
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
} catch (error) {
  console.error(
    `Could not download VS Code ${version} from Microsoft's update service: ${error.message}\n` +
      'npm run test:electron needs internet access. Offline, run the same suite with: npm run test:integration',
  );
  process.exit(1);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'swb-electron-'));
let exitCode = 1;
try {
  await buildExtensionIfStale(console.log);
  await bundleSuite();
  const workspace = copyWorkspace(defaultWorkspace(), scratch);
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE_ENTRY,
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(scratch, 'user-data')],
  });
} catch (error) {
  console.error(`integration tests failed: ${error.message ?? error}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
