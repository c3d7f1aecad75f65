import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { booleanOf, itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import type { Resource } from '../model/template';
import { esbuildFor, esbuildMissing } from '../invoke/typescript';

/** A build step could not run; the message says what is missing and how to get it. */
export class BuildError extends Error {}

/**
 * SAM's defaults for `BuildMethod: esbuild` ("Building Node.js Lambda functions with esbuild",
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-using-build-typescript.html):
 * minified, ES2020, CommonJS.
 */
const ESBUILD_DEFAULTS = { minify: true, target: 'es2020', format: 'cjs' } as const;

/** The file pip reads a Python function's dependencies from, in its CodeUri. */
const PYTHON_REQUIREMENTS = 'requirements.txt';

/**
 * The folder to zip for a function: its CodeUri as it is, or built into `outDir` first when the template asks for a
 * build (`Metadata: BuildMethod: esbuild`) or a Python function lists dependencies in requirements.txt.
 */
export async function buildCode(resource: Resource, codeDir: string, outDir: string): Promise<string> {
  const metadata = mapAt(resource.node, 'Metadata');
  if (stringOf(valueOf(metadata, 'BuildMethod')) === 'esbuild') {
    await esbuildBundle(resource, codeDir, mapAt(metadata, 'BuildProperties'), outDir);
    return outDir;
  }
  const runtime = stringOf(valueOf(resource.properties, 'Runtime')) ?? '';
  if (runtime.startsWith('python') && fs.existsSync(path.join(codeDir, PYTHON_REQUIREMENTS))) {
    pipInstall(resource.logicalId, codeDir, outDir);
    return outDir;
  }
  return codeDir;
}

async function esbuildBundle(
  resource: Resource,
  codeDir: string,
  properties: ReturnType<typeof mapAt>,
  outDir: string,
): Promise<void> {
  const esbuild = esbuildFor(codeDir);
  if (!esbuild) throw new BuildError(esbuildMissing(codeDir, `Building ${resource.logicalId}`));
  const entryPoints = itemsOf(valueOf(properties, 'EntryPoints'))
    .map(stringOf)
    .filter((e): e is string => !!e);
  if (entryPoints.length === 0)
    throw new BuildError(`${resource.logicalId} has BuildMethod esbuild but no BuildProperties EntryPoints.`);
  const format = stringOf(valueOf(properties, 'Format')) ?? ESBUILD_DEFAULTS.format;
  try {
    await esbuild.build({
      absWorkingDir: codeDir,
      entryPoints,
      outdir: outDir,
      bundle: true,
      platform: 'node',
      format: format === 'esm' ? 'esm' : 'cjs',
      ...(format === 'esm' ? { outExtension: { '.js': '.mjs' } } : {}),
      target: stringOf(valueOf(properties, 'Target')) ?? ESBUILD_DEFAULTS.target,
      minify: booleanOf(valueOf(properties, 'Minify')) ?? ESBUILD_DEFAULTS.minify,
      sourcemap: booleanOf(valueOf(properties, 'Sourcemap')) ?? false,
      external: itemsOf(valueOf(properties, 'External'))
        .map(stringOf)
        .filter((e): e is string => !!e),
      logLevel: 'silent',
    });
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] })
      .errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
    throw new BuildError(`esbuild failed for ${resource.logicalId}: ${where}${first?.text ?? String(error)}`);
  }
}

/** The code copied beside its dependencies, installed by pip for the function (`pip install -r ... --target`). */
function pipInstall(logicalId: string, codeDir: string, outDir: string): void {
  const pip = ['pip3', 'pip'].find((command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!pip)
    throw new BuildError(
      `${logicalId} lists dependencies in ${PYTHON_REQUIREMENTS} but pip is not on PATH: install Python 3 with pip ` +
        `(e.g. apt-get install python3-pip) or put the packages in ${codeDir} yourself.`,
    );
  fs.cpSync(codeDir, outDir, { recursive: true });
  const run = spawnSync(
    pip,
    ['install', '--quiet', '--disable-pip-version-check', '-r', PYTHON_REQUIREMENTS, '--target', outDir],
    { cwd: codeDir, encoding: 'utf8' },
  );
  if (run.status !== 0)
    throw new BuildError(`pip could not install ${logicalId}'s ${PYTHON_REQUIREMENTS}: ${run.stderr.trim()}`);
}
