import * as path from 'path';
import * as vscode from 'vscode';
import { costCore } from './cost-core';
import { USAGE_FILE_PATH } from '../core/cost/usage-path';
import type { CostOptions, CostReport, UsageFile, UsageProblem } from '../core/cost';
import type { Template } from '../core';
import { withinBounds } from './settings';
import { SETTINGS } from './settings.generated';
import type { TemplateStore } from './template-store';
import { readWorkspaceText } from './workspace-files';

export interface CostSettings {
  readonly region: string;
  readonly freeTier: boolean;
  readonly precision: number;
  readonly codeLens: boolean;
}

interface LoadedUsage {
  readonly file: vscode.Uri | undefined;
  readonly usage: UsageFile;
  readonly problems: readonly UsageProblem[];
}

/**
 * The editor's single source of cost reports: the template from the store, the usage file of its
 * workspace (unsaved edits included) and the settings. Reports are cached per model and recomputed when
 * the usage file or a cost setting changes; `onDidChange` tells the CodeLens, explorer and status bar.
 */
export class CostService implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly reports = new WeakMap<Template, { generation: number; report: CostReport }>();
  private readonly usageByFolder = new Map<string, LoadedUsage>();
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly store: TemplateStore) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${USAGE_FILE_PATH}`);
    const usageChanged = (): void => this.invalidate();
    this.disposables.push(
      this.onDidChangeEmitter,
      watcher,
      watcher.onDidCreate(usageChanged),
      watcher.onDidChange(usageChanged),
      watcher.onDidDelete(usageChanged),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isUsageFile(e.document.uri)) this.invalidate();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (Object.values(SETTINGS.cost).some((s) => e.affectsConfiguration(s.name))) this.invalidate();
      }),
      store.onDidChange(() => this.onDidChangeEmitter.fire()),
    );
  }

  settings(): CostSettings {
    return {
      region: SETTINGS.cost.region.value(),
      freeTier: SETTINGS.cost.freeTier.value(),
      precision: withinBounds(Math.round(SETTINGS.cost.precision.value()), SETTINGS.cost.precision.bounds),
      codeLens: SETTINGS.cost.codeLens.value(),
    };
  }

  /** Options from the settings: a Region override, and the free tier switched off everywhere. */
  options(): CostOptions {
    const settings = this.settings();
    // When the setting is on, the usage file may still switch the free tier off.
    return { region: settings.region || undefined, freeTier: settings.freeTier ? undefined : false };
  }

  /** The report of a template (the store's current model of `uri` when none is given). */
  report(uri: vscode.Uri, template: Template | undefined = this.store.get(uri)): CostReport | undefined {
    if (!template) return undefined;
    const cached = this.reports.get(template);
    if (cached && cached.generation === this.generation) return cached.report;
    let report: CostReport;
    try {
      report = costCore().estimateCost(template, this.usageFor(uri).usage, this.options());
    } catch (error) {
      // An engine bug must not break the editor: no figures for this template, and a trace in the log.
      console.error(`Serverless Workbench: cost estimate of ${uri.toString()} failed`, error);
      return undefined;
    }
    this.reports.set(template, { generation: this.generation, report });
    return report;
  }

  /** The usage file that applies to a template: beside it, else at the root of its workspace folder. */
  usageFor(templateUri: vscode.Uri): LoadedUsage {
    const candidates = usageCandidates(templateUri);
    const key = candidates.join('|');
    const known = this.usageByFolder.get(key);
    if (known) return known;
    let loaded: LoadedUsage = { file: undefined, usage: costCore().EMPTY_USAGE, problems: [] };
    for (const file of candidates) {
      const text = readUsageText(file);
      if (text === undefined) continue;
      loaded = { file, ...costCore().parseUsageFile(text) };
      break;
    }
    // Misses are cached too: the watcher clears the cache when a usage file appears.
    this.usageByFolder.set(key, loaded);
    return loaded;
  }

  /** Where a new usage file for this template goes: the root of its workspace folder, else beside it. */
  usageTarget(templateUri: vscode.Uri): vscode.Uri {
    const candidates = usageCandidates(templateUri);
    return candidates[candidates.length - 1];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private invalidate(): void {
    this.generation++;
    this.usageByFolder.clear();
    this.onDidChangeEmitter.fire();
  }
}

function usageCandidates(templateUri: vscode.Uri): vscode.Uri[] {
  const beside = vscode.Uri.joinPath(templateUri, '..', USAGE_FILE_PATH);
  const folder = vscode.workspace.getWorkspaceFolder(templateUri);
  const atRoot = folder && vscode.Uri.joinPath(folder.uri, USAGE_FILE_PATH);
  return atRoot && atRoot.toString() !== beside.toString() ? [beside, atRoot] : [beside];
}

function isUsageFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${USAGE_FILE_PATH}`);
}

/** Unsaved edits of an open usage file count; otherwise the file on disk (small, read synchronously and bounded). */
function readUsageText(file: vscode.Uri): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (open) return open.getText();
  return file.scheme === 'file' ? readWorkspaceText(path.normalize(file.fsPath)) : undefined;
}
