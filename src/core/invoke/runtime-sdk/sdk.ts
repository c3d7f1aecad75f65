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
  /** The runtime's SDK version (`3.1175.0`, or `2.x`: the newest release of that major); names the cache folder. */
  readonly version: string;
  /** Where packages come from, for messages: "npm", "PyPI". */
  readonly registry: string;
  /** What a handler imports from it: package names, `@scope/*` for a whole scope. */
  readonly imports: readonly string[];
  /** The one package to install for any of its imports (`boto3` brings botocore); else the import itself. */
  readonly installs?: string;
  /** The runtime identifiers that include it. */
  readonly runtimes: readonly string[];
}

const SDKS: readonly RuntimeSdk[] = table.sdks.map((sdk) => ({
  ...sdk,
  family: sdk.family as RuntimeSdk['family'],
}));

/** Set to a folder to keep the runtime SDK cache there (tests; machines without a writable home). */
export const RUNTIME_SDK_CACHE_ENV = 'SERVERLESS_WORKBENCH_SDK_CACHE';

/** The SDK Lambda provides to functions of `runtime`; undefined when it provides none we stand in for. */
export function runtimeSdkOf(runtime: string): RuntimeSdk | undefined {
  return SDKS.find((sdk) => sdk.runtimes.includes(runtime));
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

/** The package a Node.js import error names (`@aws-sdk/client-s3`, `aws-sdk`), without any subpath. */
const MISSING_JS_PACKAGE = /Cannot find (?:module|package) '((?:@[^/']+\/)?[^/']+)/;
/** The top-level module a Python import error names: `No module named 'boto3'` / `'botocore.session'`. */
const MISSING_PY_MODULE = /No module named '([^.']+)/;

/** The package (Node.js) or top-level module (Python) a failed invocation could not import. */
function missingImport(runtime: string, error: FunctionError | undefined): string | undefined {
  if (error?.errorType !== 'Runtime.ImportModuleError') return undefined;
  const pattern = runtime.startsWith('python') ? MISSING_PY_MODULE : MISSING_JS_PACKAGE;
  return pattern.exec(error.errorMessage)?.[1];
}

function importsFrom(sdk: RuntimeSdk, name: string): boolean {
  return sdk.imports.some((pattern) =>
    pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}

/**
 * The runtime-provided package a failed invocation could not import (`@aws-sdk/client-s3`, `aws-sdk` on Node.js 16,
 * `boto3`), or undefined when the failure is another one.
 */
export function missingSdkPackage(runtime: string, error: FunctionError | undefined): string | undefined {
  const sdk = runtimeSdkOf(runtime);
  const name = missingImport(runtime, error);
  if (!sdk || !name || !importsFrom(sdk, name)) return undefined;
  return sdk.installs ?? name;
}

/**
 * When a handler imports an AWS SDK its runtime does not include (`aws-sdk` on Node.js 18 and later, `@aws-sdk/*`
 * on Node.js 16 and earlier), what Lambda would say too, and what to do; undefined for any other failure.
 */
export function sdkNotInRuntime(
  runtime: string,
  error: FunctionError | undefined,
  codeDir: string,
): string | undefined {
  const sdk = runtimeSdkOf(runtime);
  const name = missingImport(runtime, error);
  const other = name && SDKS.find((s) => s !== sdk && s.family === sdk?.family && importsFrom(s, name));
  if (!sdk || !name || !other) return undefined;
  return (
    `${name} (${other.name}) is not part of the ${runtime} runtime in Lambda, which includes ${sdk.name} ` +
    `(${sdk.imports.join(', ')}): the function fails there the same way. ` +
    `${capitalised(installItYourself(sdk, name, codeDir))}, or use ${sdk.name}.`
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the user can do instead of letting us fetch the package: install it beside the function's code. */
export function installItYourself(sdk: RuntimeSdk, pkg: string, codeDir: string): string {
  return sdk.family === 'nodejs'
    ? `install it in the function's folder (cd ${codeDir} && npm install ${pkg})`
    : `install it where the function's Python finds it (pip install ${pkg}, or add it to ` +
        `${path.join(codeDir, 'requirements.txt')})`;
}
