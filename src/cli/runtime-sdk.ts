import type { SdkSessionOptions } from '../core/invoke';

/**
 * `--fetch-sdk` (or `SERVERLESS_WORKBENCH_FETCH_SDK=1`) lets local runs fetch the AWS SDK packages the function's
 * runtime provides in Lambda (into the per-user cache) when a handler imports one it does not carry; without it the
 * error says what to install. `invoke`, `serve` and `start-api` share it.
 */
export const FETCH_SDK_FLAG = 'fetch-sdk';
const FETCH_SDK_ENV = 'SERVERLESS_WORKBENCH_FETCH_SDK';

export const FETCH_SDK_USAGE = `[--${FETCH_SDK_FLAG}]`;

/** Whether the user allowed fetching, by flag or environment. */
export function fetchSdkAllowed(flags: ReadonlyMap<string, string | boolean>): boolean {
  return flags.get(FETCH_SDK_FLAG) === true || process.env[FETCH_SDK_ENV] === '1';
}

/** The terminal's consent (the flag), progress (a line on stderr) and advice, for one run or a server's session. */
export function cliSdkOptions(allowed: boolean, howToAllow = 'run again'): SdkSessionOptions {
  return {
    consent: async () => allowed,
    withProgress: (message, download) => {
      process.stderr.write(`${message}; then the function runs again.\n`);
      return download();
    },
    howToAllow: `${howToAllow} with --${FETCH_SDK_FLAG} (or ${FETCH_SDK_ENV}=1) to fetch it`,
    onSdkMessage: (message) => process.stderr.write(`hint: ${message}\n`),
  };
}
