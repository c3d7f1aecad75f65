import * as fs from 'fs';
import * as path from 'path';

/** The first of `names` found on PATH, as an absolute path. */
export function findOnPath(names: readonly string[], envPath = process.env.PATH ?? ''): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const name of names) {
    for (const dir of envPath.split(path.delimiter)) {
      if (!dir) continue;
      for (const ext of exts) {
        const candidate = path.join(dir, name + ext);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

export function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Node.js to run functions with: `node` on PATH, or, inside the editor (Electron), the editor's own
 * binary in Node mode, which is always there.
 */
export function nodeCommand(): { command: string; env: Record<string, string> } {
  const onPath = findOnPath(['node']);
  if (onPath) return { command: onPath, env: {} };
  return { command: process.execPath, env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {} };
}

/**
 * The folder holding the @aws-sdk packages the extension itself carries (a few clients, none in the packaged
 * .vsix): the last fallback for imports, after the function's own node_modules and the runtime SDK cache.
 */
export function runtimeProvidedNodeModules(): string | undefined {
  try {
    return path.resolve(path.dirname(require.resolve('@aws-sdk/client-lambda/package.json')), '..', '..');
  } catch {
    return undefined;
  }
}

/** Where the runtime clients live: beside this module in the sources, in `dist/clients` when bundled. */
export function clientPath(file: string): string {
  return path.join(__dirname, 'clients', file);
}
