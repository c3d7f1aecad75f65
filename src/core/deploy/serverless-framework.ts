import * as fs from 'fs';
import * as path from 'path';

/** The framework's own CLI, run from the service's folder. */
export interface FrameworkCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Where it comes from, for the task's name and the output. */
  readonly source: 'project' | 'path';
}

export type FrameworkLookup =
  { readonly ok: true; readonly run: FrameworkCommand } | { readonly ok: false; readonly message: string };

/**
 * `serverless deploy` as the project runs it: through npx when `serverless` is a dependency of the service's
 * package.json (or of a folder above it, as npm resolves), else the `serverless` command on PATH. Neither: how to
 * install it ("Setting up Serverless Framework", https://www.serverless.com/framework/docs/getting-started).
 */
export function serverlessDeployCommand(
  serviceFile: string,
  stage: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): FrameworkLookup {
  const cwd = path.dirname(serviceFile);
  const args = ['deploy', ...(stage ? ['--stage', stage] : [])];
  if (projectHasServerless(cwd))
    return { ok: true, run: { command: 'npx', args: ['serverless', ...args], cwd, source: 'project' } };
  if (onPath('serverless', env)) return { ok: true, run: { command: 'serverless', args, cwd, source: 'path' } };
  return {
    ok: false,
    message:
      `Serverless Framework is not installed for ${path.basename(cwd)}: add it to the project ` +
      `(npm install --save-dev serverless) or install it globally (npm install -g serverless), then deploy again.`,
  };
}

function projectHasServerless(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(current, 'package.json'), 'utf8')) as Record<string, unknown>;
      const deps = ['dependencies', 'devDependencies'].map((k) => (pkg[k] ?? {}) as Record<string, string>);
      if (deps.some((d) => 'serverless' in d)) return true;
    } catch {
      // no package.json here, or not JSON: look further up
    }
    if (path.dirname(current) === current) return false;
  }
}

function onPath(command: string, env: Readonly<Record<string, string | undefined>>): boolean {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.CMD;.EXE').split(';') : [''];
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => extensions.some((ext) => fs.existsSync(path.join(dir, command + ext))));
}
