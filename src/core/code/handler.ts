/** Which runtimes' handlers we can check on disk: Node.js and Python, the languages whose sources Lambda loads as is. */
export type HandlerLanguage = 'node' | 'python';

export function handlerLanguage(runtime: string): HandlerLanguage | undefined {
  if (runtime.startsWith('nodejs')) return 'node';
  if (runtime.startsWith('python')) return 'python';
  return undefined;
}

/**
 * `src/app.handler` → the files Lambda (or the SAM/esbuild build that produces them) would load and the export
 * it calls. Node.js: the last dot separates the export; the module may be .js, .mjs or .cjs (or .ts before an
 * esbuild build). Python: the module may be dotted (`pkg.app.handler`) or a path (`pkg/app.handler`).
 */
export function handlerFiles(handler: string, language: HandlerLanguage): { files: string[]; exportName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  const module = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  if (language === 'node') {
    return { files: ['.js', '.mjs', '.cjs', '.ts', '.mts'].map((ext) => `${module}${ext}`), exportName };
  }
  const path = module.replace(/\./g, '/');
  return { files: [`${path}.py`, `${path}/__init__.py`], exportName };
}

/**
 * Whether the source defines the export, or cannot be judged (dynamic exports): only a definite "no" is
 * reported, so a file that builds its exports at run time never gets a false alarm.
 */
export function definesExport(source: string, name: string, language: HandlerLanguage): boolean {
  const n = name.replace(/[$]/g, '\\$');
  if (language === 'python') {
    return new RegExp(`^\\s*(async\\s+)?def\\s+${n}\\s*\\(|^${n}\\s*=|^\\s*(from\\s+\\S+\\s+)?import\\s+.*\\b${n}\\b|^class\\s+${n}\\b`, 'm').test(source)
      || /^\s*(from\s+\S+\s+import\s+\*|globals\(\))/m.test(source);
  }
  const explicit = new RegExp([
    `exports\\.${n}\\s*=`, `exports\\[['"\`]${n}['"\`]\\]`, `export\\s+(async\\s+)?function\\s*\\*?\\s*${n}\\b`,
    `export\\s+(const|let|var|class)\\s+${n}\\b`, `export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`, `module\\.exports\\s*=\\s*\\{[^}]*\\b${n}\\b`,
  ].join('|')).test(source);
  const dynamic = /module\.exports\s*=\s*(?!\{)|Object\.(assign|defineProperty)\(\s*(module\.)?exports|export\s*\*\s*from/.test(source);
  return explicit || dynamic;
}
