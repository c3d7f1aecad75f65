// npm start: builds, packages the .vsix and opens examples/ in VS Code with it installed.
// With a `code` command on PATH that is the desktop VS Code; without one (a server, a container, this offline
// machine) it starts the VS Code server from the test host on 127.0.0.1 and prints the URL to open.
//
// Options: --port <n> (default: a free port), --no-package (skip packaging, reuse dist/serverless-workbench.vsix).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './test-host/host.mjs';
import { REPO_ROOT, testHostDir } from './test-host/setup.mjs';

const VSIX = path.join(REPO_ROOT, 'dist', 'serverless-workbench.vsix');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

const { values: options } = parseArgs({
  options: { port: { type: 'string', default: '0' }, package: { type: 'boolean', default: true } },
  allowNegative: true,
});

try {
  if (options.package) {
    await import('./build.mjs');
    packageVsix();
  } else if (!existsSync(VSIX)) {
    throw new Error(`${path.relative(REPO_ROOT, VSIX)} does not exist yet: run without --no-package`);
  }
  if (hasCommand('code')) openInDesktopCode();
  else await serveInBrowser();
} catch (error) {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
}

function packageVsix() {
  console.log('packaging the extension');
  // Flags: no repository is published yet, and README's relative image links resolve inside the .vsix.
  run('npx', [
    '--no-install',
    'vsce',
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '-o',
    VSIX,
  ]);
}

function openInDesktopCode() {
  console.log('installing the .vsix into VS Code and opening examples/');
  run('code', ['--install-extension', VSIX, '--force']);
  run('code', [EXAMPLES]);
}

async function serveInBrowser() {
  console.log('no `code` command on PATH: starting the VS Code server (web) with the extension installed');
  const server = await startServer({
    port: Number(options.port),
    install: [VSIX],
    // Kept between runs, like a desktop profile; trust asks once, as VS Code does by default.
    dataDir: path.join(testHostDir(), 'start'),
    trust: true,
    userSettings: { 'security.workspace.trust.startupPrompt': 'once' },
    log: console.log,
  });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const url = server.url({ workspace: EXAMPLES });
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the VS Code server answered ${response.status} for ${url}`);
  console.log(
    `\nServerless Workbench is running in VS Code on examples/. Open this in a browser:\n\n  ${url}\n\nCtrl-C ` +
      `stops the server.`,
  );
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}
