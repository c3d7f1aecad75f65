import * as os from 'os';
import * as path from 'path';
import table from '../../../../data/lambda-runtime-sdks.json';
import type { FunctionError } from '../types';

/**
 * The AWS SDK a Lambda runtime provides to every function (data/lambda-runtime-sdks.json, from the Lambda
 * developer guide's "Runtime-included SDK versions"): what a handler may import without packaging it.
 */
export interface RuntimeSdk {
  readonly family: 'nodejs' | 'python';
  /** As the guide names it, e.g. "AWS SDK for JavaScript v3". */
  readonly name: string;
  /** The runtime's SDK version; also the cache folder's name. */
  readonly version: string;
  /** Where packages come from, for messages: "npm", "PyPI". */
  readonly registry: string;
}

/** Set to a folder to keep the runtime SDK cache there (tests; machines without a writable home). */
export const RUNTIME_SDK_CACHE_ENV = 'SERVERLESS_WORKBENCH_SDK_CACHE';

/** The SDK Lambda provides to functions of `runtime`; undefined when it provides none we stand in for. */
export function runtimeSdkOf(runtime: string): RuntimeSdk | undefined {
  for (const [family, sdk] of Object.entries(table.sdks)) {
    if (sdk.runtimes.includes(runtime))
      return { family: family as RuntimeSdk['family'], name: sdk.name, version: sdk.version, registry: sdk.registry };
  }
  return undefined;
}

/**
 * The per-user folder the runtime's SDK is fetched into, shared by every workspace:
 * `$XDG_CACHE_HOME/serverless-workbench/runtime-sdk/<family>/<version>` (XDG Base Directory specification;
 * `~/.cache` when unset), or under `SERVERLESS_WORKBENCH_SDK_CACHE`.
 */
export function runtimeSdkDir(sdk: RuntimeSdk, env: NodeJS.ProcessEnv = process.env): string {
  const root =
    env[RUNTIME_SDK_CACHE_ENV] ||
    path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'serverless-workbench', 'runtime-sdk');
  return path.join(root, sdk.family, sdk.version);
}

/** The folder a handler's imports fall back to: `node_modules` for Node.js, the pip `--target` folder for Python. */
export function runtimeSdkModules(sdk: RuntimeSdk, env: NodeJS.ProcessEnv = process.env): string {
  const dir = runtimeSdkDir(sdk, env);
  return sdk.family === 'nodejs' ? path.join(dir, 'node_modules') : path.join(dir, 'site-packages');
}

/** A package named in a Node.js import error: `@aws-sdk/<name>`, without any subpath. */
const MISSING_JS_SDK = /Cannot find (?:module|package) '(@aws-sdk\/[^/']+)/;
/** Python's import error for the SDK or its core: `No module named 'boto3'` / `'botocore.session'`. */
const MISSING_PY_SDK = /No module named '(boto3|botocore)[.']/;

/**
 * The runtime-provided package a failed invocation could not import (`@aws-sdk/client-s3`, `boto3`), or
 * undefined when the failure is another one. botocore is fetched as boto3's dependency.
 */
export function missingSdkPackage(runtime: string, error: FunctionError | undefined): string | undefined {
  if (error?.errorType !== 'Runtime.ImportModuleError') return undefined;
  const sdk = runtimeSdkOf(runtime);
  if (sdk?.family === 'nodejs') return MISSING_JS_SDK.exec(error.errorMessage)?.[1];
  if (sdk?.family === 'python') return MISSING_PY_SDK.exec(error.errorMessage) ? 'boto3' : undefined;
  return undefined;
}

/** What the user can do instead of letting us fetch the package: install it beside the function's code. */
export function installItYourself(sdk: RuntimeSdk, pkg: string, codeDir: string): string {
  return sdk.family === 'nodejs'
    ? `install it in the function's folder (cd ${codeDir} && npm install ${pkg})`
    : `install it where the function's Python finds it (pip install ${pkg}, or add it to ` +
        `${path.join(codeDir, 'requirements.txt')})`;
}
