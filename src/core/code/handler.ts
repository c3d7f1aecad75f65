import { handlerModulePath } from '../model/handlers';
import { exportSpan } from '../navigation/handler';

/**
 * Which runtimes' handlers we can check on disk: Node.js and Python, the languages whose sources Lambda loads as is.
 */
export type HandlerLanguage = 'node' | 'python';

export function handlerLanguage(runtime: string): HandlerLanguage | undefined {
  if (runtime.startsWith('nodejs')) return 'node';
  if (runtime.startsWith('python')) return 'python';
  return undefined;
}

/** Node.js resolves these (and an esbuild build compiles the TypeScript ones into them). */
const NODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts'];

/**
 * `src/app.handler` → the files Lambda (or the SAM/esbuild build that produces them) would load and the export
 * it calls, split the way the runtime splits the string (the model's `handlerModulePath`).
 */
export function handlerFiles(
  handler: string,
  language: HandlerLanguage,
): { files: string[]; exportName: string } | undefined {
  const { module, exportName } = handlerModulePath(language === 'node' ? 'nodejs' : 'python', handler);
  if (!module || !exportName) return undefined;
  const files =
    language === 'node' ? NODE_EXTENSIONS.map((ext) => `${module}${ext}`) : [`${module}.py`, `${module}/__init__.py`];
  return { files, exportName };
}

/**
 * Whether the source defines the export, or cannot be judged because it builds its exports at run time or
 * re-exports them: only a definite "no" is reported, so such a file never gets a false alarm.
 */
export function definesExport(source: string, name: string, language: HandlerLanguage): boolean {
  if (exportSpan(source, name, language === 'python') !== undefined) return true;
  const n = name.replace(/[$]/g, '\\$');
  return language === 'python'
    ? new RegExp(
        `^\\s*(async\\s+def\\s+${n}\\s*\\(|(from\\s+\\S+\\s+)?import\\s+.*\\b${n}\\b|class\\s+${n}\\b)|` +
          `^\\s*from\\s+\\S+\\s+import\\s+\\*|globals\\(\\)`,
        'm',
      ).test(source)
    : /module\.exports\s*=\s*(?!\{)|Object\.(assign|defineProperty)\(\s*(module\.)?exports|export\s*\*\s*from|exports\[/.test(
        source,
      );
}
