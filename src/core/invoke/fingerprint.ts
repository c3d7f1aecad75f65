import * as fs from 'fs';
import * as path from 'path';

/** Folders whose changes do not change the function's code (or that we write ourselves). */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  '.serverless-workbench',
  '__pycache__',
  '.aws-sam',
  '.serverless',
  '.venv',
]);
/** Enough for any function folder; past it the stamp is partial rather than slow. */
const MAX_ENTRIES = 5000;

/**
 * A cheap stamp of a code folder (file count and newest modification time), so a warm environment is
 * reused only while the code is unchanged. `npm install` shows through node_modules/.package-lock.json.
 */
export function codeStamp(codeDir: string): string {
  let newest = 0;
  let count = 0;
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (count >= MAX_ENTRIES) return;
      if (SKIPPED.has(e.name)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else {
        count++;
        try {
          newest = Math.max(newest, fs.statSync(full).mtimeMs);
        } catch {
          /* deleted meanwhile */
        }
      }
    }
  };
  visit(codeDir);
  let installed = 0;
  try {
    installed = fs.statSync(path.join(codeDir, 'node_modules', '.package-lock.json')).mtimeMs;
  } catch {
    /* none */
  }
  return `${count}:${newest}:${installed}`;
}
