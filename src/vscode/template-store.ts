import * as path from 'path';
import * as vscode from 'vscode';
import { isConventionalTemplateName, mightBeTemplate } from '../core/model/detect';
import type { Template } from '../core';
import { loadTemplateText, SAMCONFIG_NAMES, type GatheredInputs, type InputProblem } from '../core/load';
import { LIMITS } from '../core/model/limits';
import { diskStampOf, everyRecheck, sameStamp, type DiskStamp } from './disk-recheck';
import { TEMPLATE_SCHEMES } from './document-selectors';
import { givenInputsFor, INPUT_SETTINGS } from './inputs';
import { readWorkspaceFile } from './workspace-files';

/** Where templates are looked for on disk; the same names the CLI searches folders for. */
export const TEMPLATE_GLOB =
  '**/{template.yaml,template.yml,template.json,serverless.yml,serverless.yaml,serverless.json}';
const EXCLUDED_FOLDERS = ['node_modules', '.aws-sam', '.serverless', '.git', 'cdk.out'];
const EXCLUDE_GLOB = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;
const IN_EXCLUDED_FOLDER = new RegExp(`/(${EXCLUDED_FOLDERS.map((f) => f.replace('.', '\\.')).join('|')})(/|$)`);
/** Bounds the activation scan so a monorepo with thousands of fixtures does not stall the editor. */
const MAX_SCANNED_TEMPLATES = 500;
const SAMCONFIG_GLOB = `**/{${SAMCONFIG_NAMES.join(',')}}`;
/**
 * A keystroke's model is built as soon as the extension host is idle, so its analysis can run before the debounce
 * ends, unless the document's last build from the version before took longer than this. A model re-read in place
 * takes a few milliseconds per hundred resources; a whole reading of a large text (or of JSON, always read whole)
 * takes longer, and doing that per keystroke would hold up every extension's features while the user types. 50 ms
 * is the chunk of work that keeps input responsive in the RAIL model (https://web.dev/articles/rail).
 */
const KEYSTROKE_BUILD_BUDGET_MS = 50;

export interface TemplateEntry {
  readonly uri: vscode.Uri;
  readonly template: Template;
  /** Parameter values, Region and stage it was resolved with (settings, samconfig), and samconfig's problems. */
  readonly inputs: GatheredInputs;
}

/** A model built ahead of the debounce, and whether it is still its document's newest. */
export interface BuiltAhead {
  readonly template: Template;
  readonly isCurrent: () => boolean;
}

/**
 * The one place that turns documents into models. Open documents are modelled from their in-memory text
 * (built at the next idle moment after a keystroke when that is cheap, shown after the debounce), other templates
 * from disk; every feature reads from here and listens to `onDidChange`, so a keystroke is parsed once however many
 * features show its results.
 */
export class TemplateStore implements vscode.Disposable {
  private readonly onDidChangeProblemsEmitter = new vscode.EventEmitter<vscode.Uri>();
  /**
   * A model changed: fired at once, for what the Problems panel shows. A keystroke's findings are what the user
   * waits for, so they are handed to VS Code before any view redraws.
   */
  readonly onDidChangeForProblems = this.onDidChangeProblemsEmitter.event;
  private readonly onDidChangeEmitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  /**
   * A model changed: fired a task after `onDidChangeForProblems`, once per template however many times it changed
   * in between, for the views (explorer, CodeLens, status bar, graph...), so their work never delays Problems.
   */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly onDidBuildAheadEmitter = new vscode.EventEmitter<BuiltAhead>();
  /** A keystroke's model was built before the debounce ended: work on it may start, and show when the debounce ends. */
  readonly onDidBuildAhead = this.onDidBuildAheadEmitter.event;
  private readonly viewsToNotify = new Map<string, vscode.Uri>();
  private viewsNotification: NodeJS.Timeout | undefined;

  /**
   * `document` and `version` identify the buffer a model was built from (undefined: built from disk, and then
   * `stamp` is the file's as it was read).
   */
  private readonly models = new Map<
    string,
    {
      document?: vscode.TextDocument;
      version: number | undefined;
      entry: TemplateEntry | undefined;
      stamp?: DiskStamp;
      /** How long the model of this version took to build from the one before (a first reading is not timed). */
      rebuildMs?: number;
    }
  >();
  /**
   * Files deleted on disk whose documents VS Code still holds: it keeps a closed editor's document for minutes
   * (and an open one until its editor closes), and modelling that text kept a deleted template in the explorer
   * and in Problems for 50-90 s. Unsaved edits keep a document listed: they are the user's work.
   */
  private readonly goneFromDisk = new Set<string>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly keystrokeBuilds = new Map<string, NodeJS.Immediate>();
  private readonly disposables: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;

  constructor(private readonly debounceMs: () => number) {
    this.disposables.push(
      this.onDidChangeProblemsEmitter,
      this.onDidChangeEmitter,
      this.onDidBuildAheadEmitter,
      vscode.workspace.onDidChangeTextDocument((e) =>
        isSamconfig(e.document.uri) ? this.scheduleInputs(e.document.uri) : this.schedule(e.document),
      ),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (INPUT_SETTINGS.some((name) => e.affectsConfiguration(name))) this.rebuild(() => true);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.refreshDocument(d)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.goneFromDisk.delete(d.uri.toString())) this.refreshDocument(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.models.get(d.uri.toString())?.document === d) this.models.delete(d.uri.toString());
        void this.refreshFromDisk(d.uri);
      }),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach((f) => {
          this.forgetUnder(f.oldUri);
          void this.discover(f.newUri);
        }),
      ),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(TEMPLATE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => {
        this.goneFromDisk.delete(uri.toString());
        void this.refreshFromDisk(uri);
      }),
      watcher.onDidChange((uri) => {
        if (!this.isOpen(uri)) void this.refreshFromDisk(uri);
      }),
      watcher.onDidDelete((uri) => this.forgetDeleted(uri)),
      everyRecheck(() => this.recheckDisk()),
      // Deleting a folder reports the folder, not the templates inside it.
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forgetUnder(uri))),
    );
    // samconfig gives parameter values and the Region: the templates beside it resolve differently when it changes.
    const samconfig = vscode.workspace.createFileSystemWatcher(SAMCONFIG_GLOB);
    const inputsChanged = (uri: vscode.Uri) => this.rebuild(besideOf(uri));
    this.disposables.push(
      samconfig,
      samconfig.onDidCreate(inputsChanged),
      samconfig.onDidChange(inputsChanged),
      samconfig.onDidDelete(inputsChanged),
    );
    // A folder moved on disk (mv, git checkout) reports the folders only, not the templates inside them.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    this.disposables.push(
      folders,
      folders.onDidDelete((uri) => this.forgetUnder(uri)),
      folders.onDidCreate((uri) => {
        if (path.posix.extname(uri.path) === '' && !isConventionalTemplateName(uri.path)) void this.discover(uri);
      }),
    );
  }

  /** All known templates, scanning the workspace the first time it is asked (never during activation). */
  async all(): Promise<TemplateEntry[]> {
    this.scan ??= this.scanWorkspace();
    await this.scan;
    for (const d of vscode.workspace.textDocuments) this.modelOf(d);
    return [...this.models.values()]
      .flatMap((m) => (m.entry ? [m.entry] : []))
      .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  /** The model of an open document at its current version (built now if the debounce has not run yet). */
  modelOf(document: vscode.TextDocument): Template | undefined {
    const key = document.uri.toString();
    const known = this.models.get(key);
    if (this.goneFromDisk.has(key) && !document.isDirty) return undefined;
    if (known && known.document === document && known.version === document.version) return known.entry?.template;
    if (!isCandidate(document)) return undefined;
    // A new version of the same file: its samconfig and settings are as before (rebuild() forgets them when they
    // change).
    const started = performance.now();
    const entry = build(document.getText(), document.uri, known?.entry);
    const rebuildMs = known?.entry ? performance.now() - started : undefined;
    this.models.set(key, { document, version: document.version, entry, rebuildMs });
    return entry?.template;
  }

  /** Parameter values, Region and stage the template was resolved with, and what was wrong in its samconfig. */
  inputsOf(uri: vscode.Uri): GatheredInputs | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) this.modelOf(open);
    return this.models.get(uri.toString())?.entry?.inputs;
  }

  /** samconfig problems of every template modelled so far (no scan), for the Problems view. */
  inputProblems(): InputProblem[] {
    const seen = new Set<string>();
    return [...this.models.values()]
      .flatMap((m) => m.entry?.inputs.problems ?? [])
      .filter((p) => {
        const key = `${p.file}:${p.line}:${p.message}`;
        return !seen.has(key) && seen.add(key);
      });
  }

  get(uri: vscode.Uri): Template | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? this.modelOf(open) : this.models.get(uri.toString())?.entry?.template;
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const b of this.keystrokeBuilds.values()) clearImmediate(b);
    clearTimeout(this.viewsNotification);
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Problems first, views a timer task later: VS Code's RPC writes the diagnostics in a timer task scheduled when
   * they are set, so the views' timer, scheduled after it, runs once they are on their way to the Problems panel.
   */
  private changed(uri: vscode.Uri): void {
    this.onDidChangeProblemsEmitter.fire(uri);
    this.viewsToNotify.set(uri.toString(), uri);
    this.viewsNotification ??= setTimeout(() => {
      this.viewsNotification = undefined;
      const uris = [...this.viewsToNotify.values()];
      this.viewsToNotify.clear();
      for (const changed of uris) this.onDidChangeEmitter.fire(changed);
    }, 0);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    this.buildSoon(document);
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.refreshDocument(document);
      }, this.debounceMs()),
    );
  }

  /**
   * The model of the document's newest version, built once the events of this keystroke are handled (and once for a
   * burst of them), for work that can start before the debounce ends; Problems and the views still wait for it.
   */
  private buildSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const known = this.models.get(key);
    if (this.keystrokeBuilds.has(key) || (known?.rebuildMs ?? 0) > KEYSTROKE_BUILD_BUDGET_MS) return;
    this.keystrokeBuilds.set(
      key,
      setImmediate(() => {
        this.keystrokeBuilds.delete(key);
        if (document.isClosed) return;
        const version = document.version;
        const template = this.modelOf(document);
        const isCurrent = (): boolean => !document.isClosed && document.version === version;
        if (template) this.onDidBuildAheadEmitter.fire({ template, isCurrent });
      }),
    );
  }

  private scheduleInputs(samconfig: vscode.Uri): void {
    const key = samconfig.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.rebuild(besideOf(samconfig));
      }, this.debounceMs()),
    );
  }

  /** Models again the templates `affected` selects, from the text they were built from: their inputs changed. */
  private rebuild(affected: (uri: vscode.Uri) => boolean): void {
    for (const [key, model] of [...this.models]) {
      const uri = model.document?.uri ?? model.entry?.uri;
      if (!uri || !affected(uri)) continue;
      if (model.document) {
        this.models.delete(key);
        this.refreshDocument(model.document);
      } else if (model.entry) {
        this.models.set(key, { ...model, entry: build(model.entry.template.text, uri) });
        this.changed(uri);
      }
    }
  }

  private refreshDocument(document: vscode.TextDocument): void {
    if (!isCandidate(document)) return;
    const before = this.models.get(document.uri.toString())?.entry;
    const after = this.modelOf(document);
    if (before || after) this.changed(document.uri);
  }

  private async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    if (this.isOpen(uri) || !isConventionalTemplateName(uri.path)) return;
    const stamp = await diskStampOf(uri);
    const text = await readText(uri);
    // A folder moved again while this read was under way: its delete event has passed, so do not list it.
    if (text !== undefined && !(await exists(uri))) return;
    if (text !== undefined) this.goneFromDisk.delete(uri.toString());
    this.models.set(uri.toString(), {
      version: undefined,
      entry: text === undefined ? undefined : build(text, uri),
      stamp: typeof stamp === 'object' ? stamp : undefined,
    });
    this.changed(uri);
  }

  /**
   * The cheap re-check behind the watcher: a stat of every known template on disk. A missing file is forgotten
   * (unless it has unsaved edits), a file rewritten since it was read is read again, one that came back is listed.
   */
  private async recheckDisk(): Promise<void> {
    for (const [key, model] of [...this.models]) {
      const uri = model.document?.uri ?? vscode.Uri.parse(key);
      const stamp = await diskStampOf(uri);
      if (stamp === 'not-on-disk') continue;
      if (stamp === undefined) {
        if (!model.document?.isDirty && !this.goneFromDisk.has(key)) this.forgetDeleted(uri);
      } else if (this.goneFromDisk.delete(key)) {
        if (model.document) this.refreshDocument(model.document);
        else void this.refreshFromDisk(uri);
      } else if (!model.document && model.stamp && !sameStamp(stamp, model.stamp)) {
        void this.refreshFromDisk(uri);
      }
    }
  }

  /** A template or a folder that appeared (created, renamed, moved): model the templates it holds. */
  private async discover(uri: vscode.Uri): Promise<void> {
    if (isConventionalTemplateName(uri.path)) return this.refreshFromDisk(uri);
    // Before the first scan nothing is listed (the scan will find these); its exclusions hold here too.
    if (this.scan === undefined || IN_EXCLUDED_FOLDER.test(uri.path)) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
    } catch {
      return;
    }
    const uris = await vscode.workspace
      .findFiles(new vscode.RelativePattern(uri, TEMPLATE_GLOB), EXCLUDE_GLOB, MAX_SCANNED_TEMPLATES)
      .then(undefined, () => []); // no search (ripgrep missing): the watcher still reports templates written later
    await Promise.all(uris.map((u) => this.refreshFromDisk(u)));
  }

  private forget(uri: vscode.Uri): void {
    if (this.models.delete(uri.toString())) this.changed(uri);
  }

  /** A template deleted on disk: forgotten, and its document (which VS Code may keep for minutes) ignored. */
  private forgetDeleted(uri: vscode.Uri): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    this.goneFromDisk.add(uri.toString());
    this.forget(uri);
  }

  private forgetUnder(folder: vscode.Uri): void {
    const prefix = `${folder.toString()}/`;
    for (const key of [...this.models.keys()]) {
      if (key === folder.toString() || key.startsWith(prefix)) this.forgetDeleted(vscode.Uri.parse(key));
    }
  }

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  private async scanWorkspace(): Promise<void> {
    const uris = await vscode.workspace.findFiles(TEMPLATE_GLOB, EXCLUDE_GLOB, MAX_SCANNED_TEMPLATES);
    await Promise.all(
      uris.map(async (uri) => {
        if (this.isOpen(uri) || this.models.has(uri.toString())) return;
        const stamp = await diskStampOf(uri);
        const text = await readText(uri);
        this.models.set(uri.toString(), {
          version: undefined,
          entry: text === undefined ? undefined : build(text, uri),
          stamp: typeof stamp === 'object' ? stamp : undefined,
        });
      }),
    );
  }
}

/** YAML and JSON documents that are templates by name or could be by content; everything else is skipped cheaply. */
function isCandidate(document: vscode.TextDocument): boolean {
  if (!TEMPLATE_SCHEMES.includes(document.uri.scheme)) return false;
  if (isConventionalTemplateName(document.uri.path)) return true;
  if (!['yaml', 'json', 'jsonc'].includes(document.languageId) && !/\.(ya?ml|json|template)$/i.test(document.uri.path))
    return false;
  return mightBeTemplate(document.getText());
}

/**
 * The core's one loader: `${file()}` and samconfig from open documents first, inputs from the settings. A new
 * version of a document keeps the inputs of the one before and re-reads only the text the edit touched.
 */
function build(text: string, uri: vscode.Uri, previous?: TemplateEntry): TemplateEntry | undefined {
  const { template, inputs } = loadTemplateText(text, uri.fsPath || uri.path, {
    readFile: readWorkspaceFile,
    given: givenInputsFor(uri),
    inputs: previous?.inputs,
    previous: previous?.template,
  });
  return template ? { uri, template, inputs } : undefined;
}

function isSamconfig(uri: vscode.Uri): boolean {
  return (SAMCONFIG_NAMES as readonly string[]).includes(path.posix.basename(uri.path));
}

/** Templates in the folder of this samconfig: the ones SAM CLI reads it for. */
function besideOf(samconfig: vscode.Uri): (uri: vscode.Uri) => boolean {
  const folder = path.posix.dirname(samconfig.path);
  return (uri) => uri.scheme === samconfig.scheme && path.posix.dirname(uri.path) === folder;
}

/**
 * A template on disk, read only if it is a regular file of readable size (a FIFO named template.yaml would
 * block the read for ever, a huge file would fill memory); otherwise it is not listed.
 */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0 || stat.size > LIMITS.maxReadFileBytes) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
