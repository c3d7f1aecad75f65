import { loadAwsSdk } from '../aws/lazy-sdk';
import type { FunctionError } from './types';

/** What Lambda's execution role gives a function, as the variables Lambda sets (never logged by us). */
export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * The credentials of a named profile through the AWS SDK (static keys, `credential_process`, SSO, role
 * assumption), as `sam local invoke --profile` hands them to the function; or a message saying what to do.
 */
export async function profileCredentials(
  profile: string,
): Promise<{ ok: true; credentials: LocalCredentials } | { ok: false; message: string }> {
  try {
    const found = await loadAwsSdk().fromIni({ profile })();
    return {
      ok: true,
      credentials: {
        accessKeyId: found.accessKeyId,
        secretAccessKey: found.secretAccessKey,
        ...(found.sessionToken ? { sessionToken: found.sessionToken } : {}),
      },
    };
  } catch (error) {
    return {
      ok: false,
      message:
        `No credentials for AWS profile ${profile}: ${(error as Error).message.split('\n')[0]} ` +
        `(for an SSO profile, run aws sso login --profile ${profile}).`,
    };
  }
}

/** The error types and messages the AWS SDKs fail with when they find no credentials at all. */
const NO_CREDENTIALS =
  /^(CredentialsProviderError|NoCredentialsError|ProviderError)$|Could not load credentials from any providers|Unable to locate credentials/;

/** Whether a function failed because it had no AWS credentials: then picking a profile is the fix. */
export function failedForCredentials(error: FunctionError | undefined): boolean {
  return error !== undefined && (NO_CREDENTIALS.test(error.errorType) || NO_CREDENTIALS.test(error.errorMessage));
}

export const NO_CREDENTIALS_HINT =
  'The function found no AWS credentials. Pick an AWS profile for local invokes (the profile setting, or ' +
  '--profile on the command line), or sign in (aws sso login / aws configure).';
