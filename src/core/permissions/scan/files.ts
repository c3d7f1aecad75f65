import * as path from 'path';
import type { RawCall } from '../needs';
import { callOfFunction, callOfMethod, callOfNew, constructed } from './interpret';
import type { FileScan } from './javascript';
import { scanJavaScript } from './javascript';
import { pythonCall, scanPython } from './python';
import type { DeferredCall, Span, Sym } from './symbols';

/** Reads a file of the workspace; undefined when it does not exist or cannot be read. */
export type ReadFile = (absolutePath: string) => string | undefined;

export interface LocatedCall extends RawCall {
  readonly file: string;
}

export interface HandlerScan {
  /** The handler's source file, when found. */
  readonly entry?: string;
  readonly files: readonly string[];
  readonly calls: readonly LocatedCall[];
  readonly unresolved: readonly { readonly reason: string; readonly file: string; readonly span: Span }[];
  /** True when every file the handler imports from the project was read and every SDK call was resolved. */
  readonly complete: boolean;
  /** Why the handler could not be scanned (no file, unsupported runtime). */
  readonly problem?: string;
}

type Language = 'javascript' | 'python';

/** Scans are pure functions of a file's text, so they are cached by path and content. */
const cache = new Map<string, { text: string; scan: FileScan }>();
const MAX_CACHED_FILES = 5000;

/**
 * Larger files are bundles or generated code, not handlers someone writes: parsing them would cost seconds
 * on every change, so they are reported as not scanned (and the scan as incomplete).
 */
export const MAX_SCANNED_FILE_CHARS = 2 * 1024 * 1024;

function unreadable(reason: string): FileScan {
  return {
    calls: [],
    deferred: [],
    unresolved: [{ reason, span: { start: 0, end: 0 } }],
    localImports: [],
    exports: new Map(),
    starExports: [],
    parseErrors: 1,
  };
}

function scanFile(file: string, text: string, language: Language): FileScan {
  const hit = cache.get(file);
  if (hit && hit.text === text) return hit.scan;
  let scan: FileScan;
  if (text.length > MAX_SCANNED_FILE_CHARS) {
    scan = unreadable(
      `the file is ${(text.length / 1024 / 1024).toFixed(1)} MB, over ` +
        `the ${MAX_SCANNED_FILE_CHARS / 1024 / 1024} MB scanned per file (a bundle?), so its calls are not known`,
    );
  } else {
    try {
      scan = language === 'python' ? scanPython(text) : scanJavaScript(text, file);
    } catch (error) {
      scan = unreadable(`the file could not be read: ${(error as Error).message}`);
    }
  }
  if (cache.size >= MAX_CACHED_FILES) cache.clear();
  cache.set(file, { text, scan });
  return scan;
}

export function languageOf(runtime: string | undefined): Language | undefined {
  if (!runtime) return undefined;
  if (runtime.startsWith('nodejs')) return 'javascript';
  if (runtime.startsWith('python')) return 'python';
  return undefined;
}

const JS_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];

/** `src/create.handler` in `codeDir` → the file that exports it. */
function handlerFile(
  codeDir: string,
  handler: string,
  language: Language,
  readFile: ReadFile,
): { file: string; text: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const modulePath = handler.slice(0, dot);
  const candidates =
    language === 'python'
      ? [`${modulePath.replace(/\./g, '/')}.py`]
      : JS_EXTENSIONS.map((ext) => `${modulePath}${ext}`);
  for (const candidate of candidates) {
    const file = path.resolve(codeDir, candidate);
    const text = readFile(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

function resolveImport(
  from: string,
  spec: string,
  language: Language,
  codeDir: string,
  readFile: ReadFile,
): { file: string; text: string } | undefined {
  const candidates: string[] = [];
  if (language === 'javascript') {
    const base = path.resolve(path.dirname(from), spec);
    candidates.push(
      base,
      ...JS_EXTENSIONS.map((e) => base + e),
      ...JS_EXTENSIONS.map((e) => path.join(base, `index${e}`)),
    );
    if (/\.(m|c)?js$/.test(base)) candidates.push(base.replace(/\.(m|c)?js$/, '.ts'));
  } else {
    const leading = /^\.*/.exec(spec)![0].length;
    const dir = leading > 0 ? path.resolve(path.dirname(from), '../'.repeat(leading - 1)) : codeDir;
    const rest = spec.slice(leading).replace(/\./g, '/');
    const base = rest ? path.join(dir, rest) : dir;
    candidates.push(`${base}.py`, path.join(base, '__init__.py'));
  }
  for (const file of candidates) {
    if (!file.startsWith(codeDir)) continue;
    const text = readFile(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/**
 * Scans a function's handler and every project file it imports (inside `codeDir`), links names across
 * files, and returns the AWS calls with their files.
 */
export function scanHandler(
  codeDir: string,
  handler: string,
  runtime: string | undefined,
  readFile: ReadFile,
): HandlerScan {
  const language = languageOf(runtime);
  if (!language)
    return {
      files: [],
      calls: [],
      unresolved: [],
      complete: false,
      problem: `the ${runtime ?? 'unknown'} runtime is not scanned (JavaScript, TypeScript and Python are)`,
    };
  const entry = handlerFile(codeDir, handler, language, readFile);
  if (!entry)
    return {
      files: [],
      calls: [],
      unresolved: [],
      complete: false,
      problem: `the handler ${handler} was not found in ${codeDir}`,
    };

  const scans = new Map<string, FileScan>();
  let complete = true;
  const imports = new Map<string, Map<string, string | undefined>>();
  const queue = [entry];
  while (queue.length > 0) {
    const { file, text } = queue.shift()!;
    if (scans.has(file)) continue;
    const scan = scanFile(file, text, language);
    scans.set(file, scan);
    if (scan.parseErrors > 0 && language === 'javascript') complete = false;
    const resolved = new Map<string, string | undefined>();
    for (const spec of [...scan.localImports, ...scan.starExports]) {
      const target = resolveImport(file, spec, language, codeDir, readFile);
      resolved.set(spec, target?.file);
      if (target) queue.push(target);
      // A relative import we cannot read means code we have not seen; a Python name may be a package.
      else if (language === 'javascript' || spec.startsWith('.')) complete = false;
    }
    imports.set(file, resolved);
  }

  const linker = new Linker(scans, imports, language);
  const calls: LocatedCall[] = [];
  const unresolved: { reason: string; file: string; span: Span }[] = [];
  for (const [file, scan] of scans) {
    for (const c of scan.calls) calls.push({ ...c, file });
    for (const u of scan.unresolved) unresolved.push({ ...u, file });
    for (const d of scan.deferred) {
      const call = linker.interpret(file, d);
      if (call) calls.push({ ...call, file });
    }
  }
  return {
    entry: entry.file,
    files: [...scans.keys()],
    calls,
    unresolved,
    complete: complete && unresolved.length === 0,
  };
}

/** Resolves names imported from project files to what the exporting file says they are. */
class Linker {
  constructor(
    private readonly scans: ReadonlyMap<string, FileScan>,
    private readonly imports: ReadonlyMap<string, ReadonlyMap<string, string | undefined>>,
    private readonly language: Language,
  ) {}

  interpret(file: string, d: DeferredCall): RawCall | undefined {
    const receiver = this.resolve(file, d.receiver, 0);
    if (!receiver) return undefined;
    if (this.language === 'python')
      return d.method ? pythonCall(receiver as never, d.method, { ...d.params }, d.firstString, d.span) : undefined;
    if (d.form === 'new') return callOfNew(receiver, d.params, d.span);
    if (d.form === 'call') return callOfFunction(receiver, d.params, d.span);
    return d.method && d.method !== 'send'
      ? callOfMethod(receiver, d.method, d.params, d.firstString, d.span)
      : undefined;
  }

  private resolve(file: string, sym: Sym & { kind: 'import' }, depth: number): Sym | undefined {
    if (depth > 20) return undefined;
    const target = this.imports.get(file)?.get(sym.spec);
    const scan = target ? this.scans.get(target) : undefined;
    if (!target || !scan) return undefined;
    const isNew = sym.name.startsWith('new ');
    const [first, ...rest] = (isNew ? sym.name.slice(4) : sym.name).split('.');
    let value = first === '*' ? undefined : scan.exports.get(first);
    if (!value) {
      for (const star of scan.starExports) {
        value = this.resolve(target, { kind: 'import', spec: star, name: first }, depth + 1);
        if (value) break;
      }
    }
    if (value?.kind === 'import') value = this.resolve(target, value, depth + 1);
    for (const key of rest)
      value =
        value?.kind === 'object'
          ? value.props[key]
          : value?.kind === 'sdk-module'
            ? { kind: 'sdk-export', module: value.module, name: key }
            : undefined;
    return isNew ? constructed(value) : value;
  }
}

/** Forgets every cached scan (tests, and the editor when it is told files changed wholesale). */
export function clearScanCache(): void {
  cache.clear();
}
