import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ZipFile } from 'yazl';

/**
 * The time stamp of every entry: the earliest a zip's MS-DOS date can hold (1980-01-01, APPNOTE.TXT 4.4.6,
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), so the bytes depend on the files' content only.
 */
const FIXED_MTIME = new Date(1980, 0, 1);
/** Unix modes stored per entry: Lambda needs read for all and keeps the execute bit (bootstrap, binaries). */
const FILE_MODE = 0o100644;
const EXECUTABLE_MODE = 0o100755;

export interface ZippedCode {
  readonly bytes: Buffer;
  /** Hex MD5 of the bytes: the S3 key, as SAM CLI names artifacts, so the same code is found and not sent again. */
  readonly md5: string;
  /** Base64 SHA-256 of the bytes: what Lambda reports as a function's CodeSha256. */
  readonly sha256: string;
  readonly files: number;
}

/**
 * Zips a folder reproducibly: entries sorted by path, fixed time stamps and modes, no directory entries, so unchanged
 * code gives byte-identical zips and the same hash. Symbolic links are followed, as SAM CLI does.
 */
export async function zipFolder(dir: string): Promise<ZippedCode> {
  const files = listFiles(dir);
  return zipEntries(files.map((relative) => ({ name: relative, file: path.join(dir, relative) })));
}

/** One file as a zip (a CodeUri naming a single source file). */
export async function zipSingleFile(file: string): Promise<ZippedCode> {
  return zipEntries([{ name: path.basename(file), file }]);
}

/** A file as it is (a built .zip or .jar), hashed the same way. */
export function fileArtifact(file: string): ZippedCode {
  return hashBytes(fs.readFileSync(file), 1);
}

async function zipEntries(entries: readonly { name: string; file: string }[]): Promise<ZippedCode> {
  const zip = new ZipFile();
  for (const { name, file } of entries) {
    const executable = (fs.statSync(file).mode & 0o111) !== 0;
    zip.addBuffer(fs.readFileSync(file), name.split(path.sep).join('/'), {
      mtime: FIXED_MTIME,
      mode: executable ? EXECUTABLE_MODE : FILE_MODE,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return hashBytes(Buffer.concat(chunks), entries.length);
}

/** An artifact's bytes with the hashes S3 keys and Lambda use. */
export function hashBytes(bytes: Buffer, files: number): ZippedCode {
  return {
    bytes,
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('base64'),
    files,
  };
}

/** Every file under `dir`, relative, sorted by byte order of the path so the order never depends on the disk. */
function listFiles(dir: string): string[] {
  const found: string[] = [];
  const pending = [''];
  // A link back to a parent folder would loop for ever: each real folder is read once.
  const seen = new Set<string>();
  while (pending.length > 0) {
    const relative = pending.pop()!;
    const real = fs.realpathSync(path.join(dir, relative));
    if (seen.has(real)) continue;
    seen.add(real);
    for (const name of fs.readdirSync(path.join(dir, relative))) {
      const child = path.join(relative, name);
      const stat = fs.statSync(path.join(dir, child));
      if (stat.isDirectory()) pending.push(child);
      else if (stat.isFile()) found.push(child);
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
