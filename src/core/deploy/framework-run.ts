import { spawn } from 'child_process';
import { killGroup, trackGroup } from '../invoke/process-tree';
import type { FrameworkCommand } from './serverless-framework';

export interface FrameworkRun {
  /** The process's exit code; undefined when it could not start or was stopped. */
  readonly exitCode: Promise<number | undefined>;
  /** Ends the CLI and everything it started (its own process group). */
  stop(): void;
}

/**
 * Runs the framework's CLI in the service's folder, its output (stdout and stderr, as printed) given to `output`.
 * Colours stay on (FORCE_COLOR, which the framework's colour library reads) although the output is a pipe, since a
 * terminal shows it. The CLI gets its own process group, killed on `stop()` and on our own exit, so a stopped deploy
 * leaves no `node` behind. A CLI that cannot start is reported through `output` as the shell would.
 */
export function runFramework(
  run: FrameworkCommand,
  output: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): FrameworkRun {
  const child = spawn(run.command, [...run.args], {
    cwd: run.cwd,
    env: { ...env, FORCE_COLOR: env.FORCE_COLOR ?? '1' },
    detached: process.platform !== 'win32',
    // npx and serverless are .cmd files on Windows, which only a shell runs.
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackGroup(child);
  let stopped = false;
  child.stdout.setEncoding('utf8').on('data', output);
  child.stderr.setEncoding('utf8').on('data', output);
  const exitCode = new Promise<number | undefined>((resolve) => {
    child.once('error', (error) => {
      output(`${run.command}: ${error.message}\n`);
      resolve(undefined);
    });
    child.once('close', (code) => resolve(stopped ? undefined : (code ?? undefined)));
  });
  return {
    exitCode,
    stop() {
      stopped = true;
      killGroup(child.pid);
    },
  };
}
