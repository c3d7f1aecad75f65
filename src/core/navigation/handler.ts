import * as path from 'path';
import type { Span } from '../model/nodes';
import { mapAt, stringOf, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import { handlerModulePath } from '../model/handlers';
import type { NavigationTarget, ReadFile } from './location';

/** A function's `Handler` as written, with what is needed to find its source. */
export interface HandlerSite {
  readonly functionName: string;
  readonly handler: string;
  readonly span: Span;
  readonly runtime: string | undefined;
  /** Absolute folder the handler path is relative to (CodeUri, or the service folder). */
  readonly codeDir: string;
}

const NODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/** Every function's handler in a template, Globals applied (the model's function views carry them). */
export function handlerSites(template: Template): HandlerSite[] {
  const templateDir = path.dirname(template.fileName);
  const sites: HandlerSite[] = [];
  for (const fn of template.functions) {
    const handler = fn.handler?.value;
    if (!handler || !fn.handler) continue;
    const codeUri = fn.codeUri?.value;
    const local = codeUri && !/^s3:\/\//i.test(codeUri) ? codeUri : '.';
    sites.push({
      functionName: fn.displayName,
      handler,
      span: fn.handler.span,
      runtime: fn.runtime?.value,
      codeDir: path.resolve(templateDir, local),
    });
  }
  if (template.kind === 'serverless' && template.functions.length === 0)
    sites.push(...serverlessSites(template, templateDir));
  return sites;
}

/** serverless.yml functions read from the document when the model has no function views for them. */
function serverlessSites(template: Template, serviceDir: string): HandlerSite[] {
  const providerRuntime = stringOf(valueOf(mapAt(template.root, 'provider'), 'runtime'));
  return (mapAt(template.root, 'functions')?.entries ?? []).flatMap((e) => {
    const node = valueOf(e.value, 'handler');
    const handler = stringOf(node);
    if (!node || !handler) return [];
    return [
      {
        functionName: e.key,
        handler,
        span: node.span,
        runtime: stringOf(valueOf(e.value, 'runtime')) ?? providerRuntime,
        codeDir: serviceDir,
      },
    ];
  });
}

/**
 * The files a handler may live in, most likely first, and the name of the exported function, split the
 * way the runtime splits the `Handler` string (`handlerModulePath`). Without a known runtime both
 * readings are tried.
 */
export function handlerCandidates(site: HandlerSite): { files: string[]; exportName: string } | undefined {
  const runtime = site.runtime ?? '';
  const python = runtime === '' || runtime.startsWith('python');
  const node = runtime === '' || runtime.startsWith('nodejs');
  if (!python && !node) return undefined; // Java, .NET, Go and custom runtimes name handlers differently
  const files: string[] = [];
  let exportName = '';
  if (node) {
    const parts = handlerModulePath('nodejs', site.handler);
    files.push(...NODE_EXTENSIONS.map((ext) => path.resolve(site.codeDir, `${parts.module}${ext}`)));
    exportName = parts.exportName;
  }
  if (python) {
    const parts = handlerModulePath('python', site.handler);
    files.push(path.resolve(site.codeDir, `${parts.module}.py`));
    exportName ||= parts.exportName;
  }
  return exportName ? { files, exportName } : undefined;
}

/** From a `Handler` value to the exported function in its source file. */
export function handlerTargetAt(template: Template, offset: number, readFile: ReadFile): NavigationTarget[] {
  const site = handlerSites(template).find((s) => s.span.start <= offset && offset <= s.span.end);
  if (!site) return [];
  const candidates = handlerCandidates(site);
  if (!candidates) return [];
  for (const file of candidates.files) {
    const text = readFile(file);
    if (text === undefined) continue;
    const span = exportSpan(text, candidates.exportName, file.endsWith('.py'));
    return [
      span
        ? { fileName: file, span }
        : {
            fileName: file,
            span: { start: 0, end: 0 },
            note: `${candidates.exportName} is not exported from ${path.basename(file)}.`,
          },
    ];
  }
  return [];
}

/**
 * Where a module defines the function a handler names. JavaScript/TypeScript: `export function`,
 * `export const`, `exports.name =`, `module.exports = { name }`, `export { name }`; Python: a top-level
 * `def` or assignment. The span covers the name.
 */
export function exportSpan(text: string, name: string, python: boolean): Span | undefined {
  const n = name.replace(/[$]/g, '\\$');
  const patterns = python
    ? [new RegExp(`^(?:async\\s+)?def\\s+(${n})\\s*\\(`, 'm'), new RegExp(`^(${n})\\s*=`, 'm')]
    : [
        new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${n})\\b`),
        new RegExp(`export\\s+(?:const|let|var)\\s+(${n})\\b`),
        new RegExp(`(?:module\\.)?exports\\.(${n})\\s*=`),
        new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*?\\b(${n})\\b`),
        new RegExp(`export\\s*\\{[^}]*?\\b(${n})\\b`),
        new RegExp(`(?:async\\s+)?function\\s*\\*?\\s*(${n})\\b|(?:const|let|var)\\s+(${n})\\s*=`),
      ];
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const group = m[1] !== undefined ? 1 : 2;
    const start = m.index + m[0].indexOf(m[group]);
    return { start, end: start + name.length };
  }
  return undefined;
}

/** A function of some template whose handler is a given export of a source file (the way back). */
export interface HandlerUse {
  readonly exportName: string;
  readonly exportSpan: Span;
  readonly template: Template;
  readonly site: HandlerSite;
}

/** Which functions of which templates use an export of `sourceFile` as their handler. */
export function handlerUses(sourceFile: string, sourceText: string, templates: readonly Template[]): HandlerUse[] {
  const uses: HandlerUse[] = [];
  const file = path.resolve(sourceFile);
  for (const template of templates) {
    for (const site of handlerSites(template)) {
      const candidates = handlerCandidates(site);
      if (!candidates?.files.includes(file)) continue;
      const span = exportSpan(sourceText, candidates.exportName, file.endsWith('.py'));
      if (span) uses.push({ exportName: candidates.exportName, exportSpan: span, template, site });
    }
  }
  return uses;
}
