import * as path from 'path';
import { LATEST_VERSION } from './limits';
import type { LocalFunction } from './types';

/** What the user's own shell provides that a function's AWS SDK calls need locally (never logged by us). */
const PASSED_THROUGH = [
  'HOME',
  'USERPROFILE',
  'SYSTEMROOT',
  'TMPDIR',
  'TEMP',
  'TMP',
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
];

/**
 * The environment Lambda gives a function (Lambda developer guide, "Defined runtime environment variables"),
 * then the function's own variables, which win as they do in Lambda for the names it lets you set.
 */
export function lambdaEnvironment(
  fn: LocalFunction,
  runtimeDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(
    env,
    {
      PATH: process.env.PATH ?? '',
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: LATEST_VERSION,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySizeMb),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      _HANDLER: fn.handler,
      LAMBDA_TASK_ROOT: fn.codeDir,
      LAMBDA_RUNTIME_DIR: runtimeDir,
    },
    extra,
    fn.credentials && {
      AWS_ACCESS_KEY_ID: fn.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: fn.credentials.secretAccessKey,
      ...(fn.credentials.sessionToken ? { AWS_SESSION_TOKEN: fn.credentials.sessionToken } : {}),
    },
    fn.environment,
  );
  // Credentials from a profile stand alone, as in Lambda: a session token of the shell's must not pair with them.
  if (fn.credentials && !fn.credentials.sessionToken && !fn.environment.AWS_SESSION_TOKEN) delete env.AWS_SESSION_TOKEN;
  if (fn.credentials) delete env.AWS_PROFILE;
  return env;
}

/** `node_modules` folders from the code folder up to the workspace, for handlers compiled elsewhere. */
export function nodePathFor(codeDir: string, workspaceDir: string): string {
  const dirs: string[] = [];
  for (let dir = codeDir; ; dir = path.dirname(dir)) {
    dirs.push(path.join(dir, 'node_modules'));
    if (dir === workspaceDir || path.dirname(dir) === dir || !dir.startsWith(workspaceDir)) break;
  }
  return dirs.join(path.delimiter);
}
