/** What the analyses may know about the code on disk; measured off the UI path and cached by the adapters. */
export interface PackageSize {
  readonly unzippedBytes: number;
  /** Measured only when the unzipped size alone could exceed the zipped limit. */
  readonly zippedBytes?: number;
  /** True when the walk stopped early because the folder is already far over the limit. */
  readonly truncated: boolean;
}

export type HandlerFact =
  | { readonly status: 'found'; readonly file: string }
  | { readonly status: 'file-missing'; readonly candidates: readonly string[] }
  | { readonly status: 'export-missing'; readonly file: string; readonly exportName: string }
  /**
   * The code location is one file that is not an archive, so the package holds that file alone, and the handler names
   * another.
   */
  | { readonly status: 'other-file'; readonly candidates: readonly string[] }
  | { readonly status: 'folder-missing' };

/**
 * Synchronous lookups over facts gathered beforehand: `undefined` means "not measured yet", and the rules that
 * need it stay quiet until the adapter has measured and analyses again.
 */
export interface CodeFacts {
  handler(codeDir: string, handler: string, runtime: string): HandlerFact | undefined;
  packageSize(dir: string): PackageSize | undefined;
}

/** The file system the measurement reads through (Node's fs in the CLI, vscode.workspace.fs in the editor). */
export interface CodeFileSystem {
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Entries of a folder, or undefined when it does not exist. */
  readDir(path: string): Promise<readonly { readonly name: string; readonly type: 'file' | 'dir' }[] | undefined>;
  fileSize(path: string): Promise<number | undefined>;
}

export function handlerKey(codeDir: string, handler: string, runtime: string): string {
  return `${codeDir}\u0000${handler}\u0000${runtime}`;
}

/** Facts held in maps: what `measureCode` returns and what the adapters cache. */
export class CodeFactsTable implements CodeFacts {
  readonly handlers = new Map<string, HandlerFact>();
  readonly packages = new Map<string, PackageSize>();

  handler(codeDir: string, handler: string, runtime: string): HandlerFact | undefined {
    return this.handlers.get(handlerKey(codeDir, handler, runtime));
  }

  packageSize(dir: string): PackageSize | undefined {
    return this.packages.get(dir);
  }
}
