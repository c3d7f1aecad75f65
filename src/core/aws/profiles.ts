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
