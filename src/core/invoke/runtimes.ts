import * as fs from 'fs';
import * as path from 'path';
import { lambdaEnvironment, nodePathFor } from './environment';
import { clientPath, isExecutable, nodeCommand, runtimeProvidedNodeModules } from './executables';
import { findNode, findPython, type InterpreterMap } from './interpreters';
import { LaunchError } from './launch-error';
import { runtimeSdkModules, runtimeSdkOf } from './runtime-sdk/sdk';
import { compileTypeScriptHandler, typeScriptSourceOf } from './typescript';
import type { LaunchPlan, LocalFunction } from './types';

export type RuntimeFamily = 'nodejs' | 'python' | 'provided';

export function runtimeFamily(runtime: string | undefined): RuntimeFamily | undefined {
  if (!runtime) return undefined;
  if (runtime.startsWith('nodejs')) return 'nodejs';
  if (runtime.startsWith('python')) return 'python';
  if (runtime === 'provided' || runtime.startsWith('provided.')) return 'provided';
  return undefined;
}

export interface LaunchOptions {
  /** Start under a debugger listening on this loopback port. */
  readonly debugPort?: number;
  /** Interpreter paths by runtime id, before the search for the declared version. */
  readonly interpreters?: InterpreterMap;
}

/**
 * Lambda's Node.js bootstrap sizes V8's heap from the function's memory: a tenth for the young generation
 * (half of it per semi-space), the rest for the old generation (the bootstrap script in Lambda's Node.js
 * base images).
 */
export function nodeMemoryFlags(memorySizeMb: number): string[] {
  const newSpace = Math.floor(memorySizeMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memorySizeMb - newSpace}`];
}

export async function planLaunch(fn: LocalFunction, options: LaunchOptions = {}): Promise<LaunchPlan> {
  if (!fs.existsSync(fn.codeDir))
    throw new LaunchError('Runtime.InvalidEntrypoint', `The code folder ${fn.codeDir} does not exist.`);
  const family = runtimeFamily(fn.runtime);
  const runtimeDir = path.dirname(clientPath('node-runtime.cjs'));
  switch (family) {
    case 'nodejs':
      return planNode(fn, runtimeDir, options);
    case 'python':
      return planPython(fn, runtimeDir, options);
    case 'provided':
      return planProvided(fn, runtimeDir);
    default:
      throw new LaunchError(
        'Runtime.Unsupported',
        `Runtime ${fn.runtime || '(none)'} cannot run locally: Serverless Workbench runs nodejs*, python* and ` +
          `provided* (custom runtime) functions.`,
      );
  }
}

async function planNode(fn: LocalFunction, runtimeDir: string, options: LaunchOptions): Promise<LaunchPlan> {
  const node = findNode(fn.runtime, options.interpreters);
  const source = typeScriptSourceOf(fn.codeDir, fn.handler);
  const moduleRoot = source
    ? await compileTypeScriptHandler(
        fn.codeDir,
        fn.handler,
        source,
        path.join(fn.workspaceDir, '.serverless-workbench', 'build', fn.logicalId),
      )
    : fn.codeDir;
  const debugging = options.debugPort !== undefined;
  return {
    command: node.command,
    args: [
      ...nodeMemoryFlags(fn.memorySizeMb),
      '--enable-source-maps',
      // Node's own warnings reach the log through the runtime client as WARN lines, not unlabelled stderr.
      '--no-warnings',
      ...(debugging ? [`--inspect=127.0.0.1:${options.debugPort}`] : []),
      clientPath('node-runtime.cjs'),
      moduleRoot,
      `--parent-pid=${process.pid}`,
      ...(debugging ? ['--wait-for-debugger'] : []),
    ],
    env: lambdaEnvironment(fn, runtimeDir, {
      ...node.env,
      NODE_PATH: [nodePathFor(fn.codeDir, fn.workspaceDir), runtimeSdkFolder(fn.runtime), ownV3Clients(fn.runtime)]
        .filter(Boolean)
        .join(path.delimiter),
    }),
    description:
      `Runtime: ${fn.runtime} (local ${node.command} ${node.version})` +
      (source ? `, ${path.relative(fn.codeDir, source)} compiled with esbuild` : ''),
    warning: node.warning,
  };
}

function planPython(fn: LocalFunction, runtimeDir: string, options: LaunchOptions): LaunchPlan {
  const python = findPython(fn.runtime, options.interpreters);
  if (!python)
    throw new LaunchError(
      'Runtime.InvalidEntrypoint',
      `No Python found on PATH to run ${fn.runtime} (looked for ${fn.runtime}, python3, python).`,
    );
  const client = clientPath('python_runtime.py');
  const debug = options.debugPort !== undefined ? ['--debugpy-port', String(options.debugPort)] : [];
  const sdk = runtimeSdkFolder(fn.runtime);
  return {
    command: python.command,
    args: ['-u', client, '--parent-pid', String(process.pid), ...debug, ...(sdk ? ['--sdk-path', sdk] : [])],
    env: lambdaEnvironment(fn, runtimeDir, { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' }),
    description: `Runtime: ${fn.runtime} (local ${python.command} ${python.version})`,
    warning: python.warning,
  };
}

/**
 * Where the runtime's own SDK is found locally, after the function's own packages (Lambda's NODE_PATH and
 * sys.path put the runtime's folders after the function's code and layers).
 */
function runtimeSdkFolder(runtime: string): string | undefined {
  const sdk = runtimeSdkOf(runtime);
  return sdk && runtimeSdkModules(sdk);
}

/**
 * The extension's own @aws-sdk packages (a development checkout's node_modules; none in the .vsix) as the last
 * fallback, only where Lambda includes v3: a Node.js 16 function must not find v3 clients Lambda lacks there.
 */
function ownV3Clients(runtime: string): string | undefined {
  return runtimeSdkOf(runtime)?.imports.includes('@aws-sdk/*') ? runtimeProvidedNodeModules() : undefined;
}

function planProvided(fn: LocalFunction, runtimeDir: string): LaunchPlan {
  const bootstrap = path.join(fn.codeDir, 'bootstrap');
  if (!fs.existsSync(bootstrap))
    throw new LaunchError('Runtime.InvalidEntrypoint', `Couldn't find valid bootstrap(s): [${bootstrap}]`);
  if (!isExecutable(bootstrap))
    throw new LaunchError('Runtime.InvalidEntrypoint', `${bootstrap} is not executable (chmod +x it).`);
  const node = nodeCommand();
  return {
    command: node.command,
    args: [clientPath('custom-runtime.cjs'), bootstrap, String(process.pid)],
    env: lambdaEnvironment(fn, runtimeDir, node.env),
    description: `Runtime: ${fn.runtime} (local ${path.relative(fn.codeDir, bootstrap)})`,
    launcher: true,
  };
}
