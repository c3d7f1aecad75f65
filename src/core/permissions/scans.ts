import type { SourceFile } from '../model/lines';
import { LineIndex } from '../model/lines';
import type { Template } from '../model/template';
import type { ActionCatalogue } from './catalogue';
import type { ScanQuery } from './needs-of-function';
import { scanQueryOf } from './needs-of-function';
import type { HandlerScan, ReadFile } from './scan/files';
import { scanHandler } from './scan/files';

/**
 * What is known about the functions' handler code: synchronous lookups over scans made beforehand (as
 * `CodeFacts` are for handlers and package sizes). `undefined` means "not scanned yet", and the analysis then
 * leaves that function's calls out until the adapter has scanned and analyses again.
 */
export interface HandlerScans {
  scanOf(query: ScanQuery): HandlerScan | undefined;
  /** A file one of the scans read, as it read it. */
  fileOf(path: string): SourceFile | undefined;
}

/** The permission analysis's inputs besides the template (`AnalysisInputs.permissions`). */
export interface PermissionInputs {
  readonly scans: HandlerScans;
  /** The IAM action catalogue for the services involved; the rules that need it are quiet without. */
  readonly catalogue?: ActionCatalogue;
}

export function scanKey(query: ScanQuery): string {
  return `${query.codeDir}\u0000${query.handler}\u0000${query.runtime ?? ''}`;
}

/**
 * Scans held in a map, with the text of every file they read. Given a `ReadFile`, a lookup of what was not
 * scanned yet scans it there and then (the command line, tests); without, only `scan` fills it (the editor,
 * off the keystroke path).
 */
export class HandlerScansTable implements HandlerScans {
  private readonly scans = new Map<string, HandlerScan>();
  private readonly files = new Map<string, SourceFile>();

  constructor(private readonly readFile?: ReadFile) {}

  scanOf(query: ScanQuery): HandlerScan | undefined {
    return this.scans.get(scanKey(query)) ?? (this.readFile && this.scan(query, this.readFile));
  }

  fileOf(path: string): SourceFile | undefined {
    return this.files.get(path);
  }

  /** Scans (again) through `readFile`, replacing what was known of this handler. */
  scan(query: ScanQuery, readFile: ReadFile): HandlerScan {
    const scan = scanHandler(query.codeDir, query.handler, query.runtime, (file) => {
      const text = readFile(file);
      if (text !== undefined && this.files.get(file)?.lines.text !== text)
        this.files.set(file, { path: file, lines: new LineIndex(text) });
      return text;
    });
    this.scans.set(scanKey(query), scan);
    return scan;
  }
}

/** The handlers a template's functions name, to scan. */
export function scanQueriesOf(template: Template): ScanQuery[] {
  return template.functions.flatMap((fn) => scanQueryOf(template, fn) ?? []);
}
