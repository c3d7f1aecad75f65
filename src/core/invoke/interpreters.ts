import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findOnPath } from './executables';

/** An interpreter to run a runtime with, and how well it matches the runtime the template declares. */
export interface Interpreter {
  readonly command: string;
  readonly env: Record<string, string>;
  /** `22.11.0`, `3.12.4`: what it is. */
  readonly version: string;
  /** Set when the declared version was not found: says both versions and what to do. */
  readonly warning?: string;
}

/** Interpreter paths by runtime id (the `serverlessWorkbench.invoke.interpreters` setting). */
export type InterpreterMap = Readonly<Record<string, string>>;

/** How long asking an interpreter its version may take before it counts as broken. */
const VERSION_PROBE_MS = 5_000;

const probed = new Map<string, string | undefined>();

/** `node --version` / `python --version` of an executable, once per path; undefined when it does not run. */
function probeVersion(command: string, env: Record<string, string> = {}): string | undefined {
  if (!probed.has(command)) {
    const run = spawnSync(command, ['--version'], {
      encoding: 'utf8',
      timeout: VERSION_PROBE_MS,
      env: { ...process.env, ...env },
    });
    const text = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    probed.set(command, run.status === 0 ? /(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1] : undefined);
  }
  return probed.get(command);
}

/** Version folders of a version manager: `[folder version, executable]` for each that exists. */
function managed(root: string | undefined, executable: (versionDir: string) => string): [string, string][] {
  if (!root) return [];
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  return names
    .map((name): [string, string] => [name.replace(/^v/, ''), executable(path.join(root, name))])
    .filter(([version, file]) => /^\d+\.\d+/.test(version) && fs.existsSync(file));
}

function home(env: NodeJS.ProcessEnv): string {
  return env.HOME ?? os.homedir();
}

/** Node.js installs of nvm, fnm, volta and asdf, from their documented default folders or their variables. */
function nodeInstalls(env: NodeJS.ProcessEnv): [string, string][] {
  const h = home(env);
  const bin = (dir: string) => path.join(dir, 'bin', 'node');
  return [
    ...managed(path.join(env.NVM_DIR ?? path.join(h, '.nvm'), 'versions', 'node'), bin),
    ...managed(path.join(env.FNM_DIR ?? path.join(h, '.local', 'share', 'fnm'), 'node-versions'), (d) =>
      bin(path.join(d, 'installation')),
    ),
    ...managed(path.join(env.VOLTA_HOME ?? path.join(h, '.volta'), 'tools', 'image', 'node'), bin),
    ...managed(path.join(env.ASDF_DATA_DIR ?? path.join(h, '.asdf'), 'installs', 'nodejs'), bin),
  ];
}

/** Python installs of pyenv and asdf. */
function pythonInstalls(env: NodeJS.ProcessEnv): [string, string][] {
  const h = home(env);
  const bin = (dir: string) => path.join(dir, 'bin', 'python3');
  return [
    ...managed(path.join(env.PYENV_ROOT ?? path.join(h, '.pyenv'), 'versions'), bin),
    ...managed(path.join(env.ASDF_DATA_DIR ?? path.join(h, '.asdf'), 'installs', 'python'), bin),
  ];
}

/** `nodejs22.x` → `22`, `python3.12` → `3.12`. */
export function declaredVersion(runtime: string): string | undefined {
  return /^nodejs(\d+)/.exec(runtime)?.[1] ?? /^python(\d+\.\d+)/.exec(runtime)?.[1];
}

function matches(version: string, wanted: string): boolean {
  return version === wanted || version.startsWith(`${wanted}.`);
}

/** Distance between versions for "closest": majors first, then minors. */
function distance(version: string, wanted: string): number {
  const [a, b] = [version, wanted].map((v) => v.split('.').map(Number));
  return Math.abs(a[0] - b[0]) * 1000 + Math.abs((a[1] ?? 0) - (b[1] ?? 0));
}

interface Candidate {
  readonly command: string;
  readonly version: string | undefined;
  readonly env?: Record<string, string>;
}

function choose(
  runtime: string,
  wanted: string,
  candidates: readonly Candidate[],
  language: string,
  install: string,
): Interpreter | undefined {
  const working = candidates.filter((c): c is Candidate & { version: string } => c.version !== undefined);
  const exact = working.find((c) => matches(c.version, wanted));
  if (exact) return { command: exact.command, env: exact.env ?? {}, version: exact.version };
  const closest = [...working].sort((x, y) => distance(x.version, wanted) - distance(y.version, wanted))[0];
  if (!closest) return undefined;
  return {
    command: closest.command,
    env: closest.env ?? {},
    version: closest.version,
    warning:
      `${runtime} runs on ${language} ${wanted} in Lambda, but no ${language} ${wanted} was found: running with ` +
      `${language} ${closest.version} (${closest.command}), the closest found. ${install}, or name one in the ` +
      `serverlessWorkbench.invoke.interpreters setting.`,
  };
}

/**
 * The Node.js for a `nodejsNN.x` function: the configured one, else one of that major on PATH or in nvm, fnm,
 * volta or asdf folders, else the closest found (with a warning). Inside the editor, the editor's own Node
 * (Electron in Node mode) is always a candidate.
 */
export function findNode(runtime: string, configured: InterpreterMap = {}, env = process.env): Interpreter {
  const wanted = declaredVersion(runtime) ?? process.versions.node.split('.')[0];
  const own: Candidate = {
    command: process.execPath,
    version: process.versions.node,
    env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {},
  };
  const candidates: Candidate[] = [];
  if (configured[runtime])
    candidates.push({ command: configured[runtime], version: probeVersion(configured[runtime]) });
  const onPath = findOnPath(['node'], env.PATH);
  if (onPath) candidates.push({ command: onPath, version: versionOfNode(onPath) });
  if (!candidates.some((c) => c.version !== undefined && matches(c.version, wanted)))
    candidates.push(...nodeInstalls(env).map(([version, command]) => ({ command, version })));
  if (!onPath) candidates.push(own);
  return (
    choose(runtime, wanted, candidates, 'Node.js', `Install it (nvm install ${wanted})`) ?? {
      command: own.command,
      env: own.env ?? {},
      version: process.versions.node,
    }
  );
}

/** Our own Node answers without a process; others are asked once. */
function versionOfNode(command: string): string | undefined {
  try {
    if (fs.realpathSync(command) === fs.realpathSync(process.execPath) && !process.versions.electron)
      return process.versions.node;
  } catch {
    return undefined;
  }
  return probeVersion(command);
}

/**
 * The Python for a `python3.X` function: the configured one, else `python3.X` on PATH or in pyenv or asdf
 * folders, else `python3`/`python` when they are that version, else the closest found (with a warning).
 */
export function findPython(
  runtime: string,
  configured: InterpreterMap = {},
  env = process.env,
): Interpreter | undefined {
  const wanted = declaredVersion(runtime) ?? '3';
  const candidates: Candidate[] = [];
  const add = (command: string | undefined) => {
    if (command && !candidates.some((c) => c.command === command))
      candidates.push({ command, version: probeVersion(command) });
  };
  add(configured[runtime]);
  add(findOnPath([`python${wanted}`], env.PATH));
  if (!candidates.some((c) => c.version !== undefined && matches(c.version, wanted))) {
    for (const [version, command] of pythonInstalls(env))
      if (matches(version, wanted)) candidates.push({ command, version });
    add(findOnPath(['python3'], env.PATH));
    add(findOnPath(['python'], env.PATH));
  }
  return choose(runtime, wanted, candidates, 'Python', `Install it (pyenv install ${wanted})`);
}

/** The command `findPython` picks, for callers that only need to run it. */
export function pythonCommand(runtime: string, configured: InterpreterMap = {}): string | undefined {
  return findPython(runtime, configured)?.command;
}
