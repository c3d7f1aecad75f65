import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Profile names from the AWS config and credentials files, for a picker. Only the `[profile name]` / `[name]`
 * headers are used; nothing else from these files is kept, returned or logged.
 */
export function awsProfileNames(home = os.homedir(), env: NodeJS.ProcessEnv = process.env): string[] {
  const files = [
    env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
    env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
  ];
  const names = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm)) names.add(m[1]);
  }
  return [...names].sort();
}

/**
 * The `region` a profile sets in the AWS config file (`[profile name]`, or `[default]`), with where it was read:
 * the Region the SDK's default chain and `sam local invoke --profile` take from a profile. Undefined when the
 * file or the setting is absent.
 */
export function awsProfileRegion(
  profile: string,
  home = os.homedir(),
  env: NodeJS.ProcessEnv = process.env,
): { value: string; origin: string } | undefined {
  const file = env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let inProfile = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/.exec(line);
    if (header) inProfile = header[1] === profile;
    const region = inProfile && !header ? /^\s*region\s*=\s*([^\s#;]+)/.exec(line) : null;
    if (region) return { value: region[1], origin: `the region of AWS profile ${profile} (${file})` };
  }
  return undefined;
}
