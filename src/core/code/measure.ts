import * as path from 'path';
import { promisify } from 'util';
import { deflateRaw } from 'zlib';
import type { CodeFileSystem, HandlerFact, PackageSize } from './facts';
import { CodeFactsTable, handlerKey } from './facts';
import type { HandlerLanguage } from './handler';
import { definesExport, handlerFiles, handlerLanguage } from './handler';
import type { CodeQueries } from './targets';
import { isArchive, PACKAGE_LIMITS } from './targets';

const deflate = promisify(deflateRaw);
/** Folders that never ship in a package. */
const SKIPPED = new Set(['.git', '.aws-sam', '.serverless', '__pycache__']);
/** Past twice the unzipped limit the exact figure no longer matters; stop walking. */
const WALK_LIMIT = 2 * PACKAGE_LIMITS.unzippedBytes;

/**
 * Measures what `codeQueriesOf` asks through the given file system, asynchronously (the adapters run it off the
 * UI path and cache the result). Into `into`, so a cache can be filled incrementally.
 */
export async function measureCode(
  queries: CodeQueries,
  fs: CodeFileSystem,
  into = new CodeFactsTable(),
): Promise<CodeFactsTable> {
  await Promise.all([
    ...queries.handlers.map(async (q) => {
      const key = handlerKey(q.dir, q.handler, q.runtime);
      if (!into.handlers.has(key)) into.handlers.set(key, await findHandler(q.dir, q.handler, q.runtime, fs));
    }),
    ...queries.packages.map(async (dir) => {
      if (!into.packages.has(dir)) {
        const size = await packageSize(dir, fs);
        if (size) into.packages.set(dir, size);
      }
    }),
  ]);
  return into;
}

export async function findHandler(
  dir: string,
  handler: string,
  runtime: string,
  fs: CodeFileSystem,
): Promise<HandlerFact> {
  const language = handlerLanguage(runtime);
  const expected = language && handlerFiles(handler, language);
  if (!language || !expected) return { status: 'found', file: '' };
  if (await fs.readDir(dir)) {
    const file = await firstExisting(dir, expected.files, fs);
    return file
      ? judgeExport(file, expected.exportName, language)
      : { status: 'file-missing', candidates: expected.files };
  }
  if ((await fs.fileSize(dir)) === undefined) return { status: 'folder-missing' };
  // A file as the code location: SAM CLI uploads an archive as it is (what is inside is not ours to open) and
  // zips any other file alone, so that file is the whole package and must be the handler's own file.
  if (isArchive(dir)) return { status: 'found', file: path.basename(dir) };
  if (!expected.files.includes(path.basename(dir))) return { status: 'other-file', candidates: expected.files };
  const bytes = await fs.readFile(dir);
  return bytes
    ? judgeExport({ file: path.basename(dir), bytes }, expected.exportName, language)
    : { status: 'folder-missing' };
}

async function firstExisting(
  dir: string,
  files: readonly string[],
  fs: CodeFileSystem,
): Promise<{ file: string; bytes: Uint8Array } | undefined> {
  for (const file of files) {
    const bytes = await fs.readFile(path.join(dir, file));
    if (bytes) return { file, bytes };
  }
  return undefined;
}

function judgeExport(
  found: { file: string; bytes: Uint8Array },
  exportName: string,
  language: HandlerLanguage,
): HandlerFact {
  return definesExport(new TextDecoder().decode(found.bytes), exportName, language)
    ? { status: 'found', file: found.file }
    : { status: 'export-missing', file: found.file, exportName };
}

/** Total size of a folder's files, and their deflated size when the unzipped size could pass the zipped limit. */
export async function packageSize(dir: string, fs: CodeFileSystem): Promise<PackageSize | undefined> {
  const files: string[] = [];
  let unzipped = 0;
  let truncated = false;
  const walk = async (folder: string): Promise<boolean> => {
    const entries = await fs.readDir(folder);
    if (!entries) return folder !== dir;
    for (const e of entries) {
      if (unzipped > WALK_LIMIT) {
        truncated = true;
        return true;
      }
      const full = path.join(folder, e.name);
      if (e.type === 'dir') {
        if (!SKIPPED.has(e.name)) await walk(full);
      } else {
        unzipped += (await fs.fileSize(full)) ?? 0;
        files.push(full);
      }
    }
    return true;
  };
  if (!(await walk(dir))) return undefined;
  let zipped: number | undefined;
  if (!truncated && unzipped > PACKAGE_LIMITS.zippedBytes * PACKAGE_LIMITS.warnRatio) {
    zipped = 0;
    for (const file of files) {
      const bytes = await fs.readFile(file);
      if (bytes) zipped += (await deflate(bytes)).length;
    }
  }
  return { unzippedBytes: unzipped, truncated, ...(zipped !== undefined ? { zippedBytes: zipped } : {}) };
}
