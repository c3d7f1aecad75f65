import * as fs from 'fs';
import * as path from 'path';
import { handlerModulePath } from '../model/handlers';
import { LaunchError } from './launch-error';

export const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts'] as const;
const JAVASCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs'] as const;

/** The handler's module path (`src/app` for `src/app.handler`), as Lambda's Node.js runtime splits it. */
export function handlerModule(handler: string): string {
  return handlerModulePath('nodejs', handler).module;
}

/** The TypeScript source of a Node.js handler when there is no JavaScript for it (SAM's esbuild builds). */
export function typeScriptSourceOf(codeDir: string, handler: string): string | undefined {
  const base = path.resolve(codeDir, handlerModule(handler));
  if (JAVASCRIPT_EXTENSIONS.some((ext) => fs.existsSync(base + ext))) return undefined;
  return TYPESCRIPT_EXTENSIONS.map((ext) => base + ext).find((f) => fs.existsSync(f));
}

/**
 * esbuild from the function's own project first (SAM's esbuild build needs it there anyway), then the one
 * the extension was built with; undefined when there is none.
 */
export function esbuildFor(codeDir: string): typeof import('esbuild') | undefined {
  for (const paths of [[codeDir], undefined]) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(require.resolve('esbuild', paths ? { paths } : undefined)) as typeof import('esbuild');
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/** The message when neither the project nor the extension has esbuild. */
export function esbuildMissing(codeDir: string, forWhat: string): string {
  return (
    `${forWhat} needs esbuild: run "npm install --save-dev esbuild" in ${codeDir} ` +
    `(SAM's esbuild build uses it too).`
  );
}

function loadEsbuild(codeDir: string): typeof import('esbuild') {
  const esbuild = esbuildFor(codeDir);
  if (esbuild) return esbuild;
  throw new LaunchError('Runtime.UserCodeSyntaxError', esbuildMissing(codeDir, 'Running a TypeScript handler'));
}

/**
 * Compiles a TypeScript handler and what it imports (packages stay external, as SAM's esbuild build leaves
 * them to node_modules) into `outDir`, mirroring the handler's path so `_HANDLER` resolves unchanged. The
 * output is CommonJS `.cjs` with a linked source map so stack traces and breakpoints land in the `.ts` source.
 * esbuild is loaded here, on first use, never at activation.
 */
export async function compileTypeScriptHandler(
  codeDir: string,
  handler: string,
  source: string,
  outDir: string,
): Promise<string> {
  const esbuild = loadEsbuild(codeDir);
  const outfile = path.join(outDir, `${handlerModule(handler)}.cjs`);
  try {
    await esbuild.build({
      entryPoints: [source],
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      sourcesContent: true,
      logLevel: 'silent',
      absWorkingDir: codeDir,
    });
  } catch (error) {
    const errors =
      (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] })
        .errors ?? [];
    const first = errors[0];
    if (!first) throw new LaunchError('Runtime.UserCodeSyntaxError', String(error));
    const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : '';
    throw new LaunchError('Runtime.UserCodeSyntaxError', `${where}${first.text}`);
  }
  return outDir;
}
