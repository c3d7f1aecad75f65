import * as vscode from 'vscode';
import type { Span, Template } from '../core';
import { codeQueriesOf } from '../core/code/targets';
import type { CodeQueries } from '../core/code/targets';
import { rulesEngine } from './rules-engine';
import type { AnalysisResult, Finding, Severity } from '../core/rules';
import type { SchemaCatalog } from '../core/schema/catalog';
import { CodeFactsCache } from './code-facts';
import { SECTION, SETTINGS } from './settings.generated';
import type { TemplateStore } from './template-store';

export const DIAGNOSTIC_SOURCE = 'serverless-workbench';
export const LAST_ANALYSIS_COMMAND = 'serverlessWorkbench.diagnostics.lastAnalysis';
/** Templates analysed per slice of the workspace scan, so a large workspace never blocks the extension host. */
const SCAN_SLICE = 20;
/** Code measurements that finish within this time are published together. */
const CODE_UPDATE_DELAY_MS = 200;

/** How long the last analysis of a document took, for the benchmarks and for users who wonder. */
export interface AnalysisTiming {
  readonly uri: string;
  readonly version: number | undefined;
  /** Rules only (the model is built by the store). */
  readonly analysisMs: number;
  /** When the diagnostics were handed to VS Code (Date.now()). */
  readonly publishedAt: number;
}

/**
 * Runs the rules on the store's models, once per model and inputs: the result is cached on the template's
 * identity (a new keystroke makes a new template) and on the versions of the settings and code facts.
 */
export class Analyzer implements vscode.Disposable {
  private readonly cache = new WeakMap<Template, { key: string; result: AnalysisResult }>();
  private readonly queries = new WeakMap<Template, CodeQueries>();
  private readonly reportedCrashes = new Set<string>();
  private settingsVersion = 0;
  private todayOverride: string | undefined;
  readonly code = new CodeFactsCache();
  private readonly disposables: vscode.Disposable[] = [this.code];

  /** `schemas` reads the validation data on the first analysis that validates properties, not at activation. */
  constructor(private readonly output: vscode.OutputChannel, private readonly schemas: SchemaCatalog) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) this.settingsVersion++;
    }));
  }

  /** Tests (and only tests) pin "today"; the product reads the clock through `todayIso`. */
  setToday(today: string | undefined): void {
    this.todayOverride = today;
    this.settingsVersion++;
  }

  analysis(template: Template): AnalysisResult {
    const today = this.todayOverride ?? rulesEngine().todayIso();
    const key = `${today}|${this.settingsVersion}|${this.codeSignature(template)}`;
    const cached = this.cache.get(template);
    if (cached?.key === key) return cached.result;
    const result = rulesEngine().analyzeTemplate(template, {
      today,
      severities: SETTINGS.rules.value(),
      accountConcurrency: SETTINGS.accountConcurrency.value(),
      code: this.code.facts,
      schemas: this.schemas,
    });
    this.cache.set(template, { key, result });
    this.reportCrashes(template, result);
    this.code.request(this.queriesOf(template));
    return result;
  }

  /**
   * What is known about this template's own code: a measurement of another template's folder must not
   * recompute this one's analysis, so the cache key holds only the facts this template reads.
   */
  private codeSignature(template: Template): string {
    const queries = this.queriesOf(template);
    if (queries.handlers.length === 0 && queries.packages.length === 0) return '';
    const facts = this.code.facts;
    return [
      ...queries.handlers.map((q) => facts.handler(q.dir, q.handler, q.runtime)?.status ?? '?'),
      ...queries.packages.map((dir) => facts.packageSize(dir)?.unzippedBytes ?? '?'),
    ].join(',');
  }

  private queriesOf(template: Template): CodeQueries {
    let queries = this.queries.get(template);
    if (!queries) {
      queries = codeQueriesOf(template);
      this.queries.set(template, queries);
    }
    return queries;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** A rule that throws is logged once per rule and message, however many keystrokes repeat it. */
  private reportCrashes(template: Template, result: AnalysisResult): void {
    for (const crash of result.crashes) {
      const key = `${crash.ruleId}\u0000${crash.message}`;
      if (this.reportedCrashes.has(key)) continue;
      this.reportedCrashes.add(key);
      this.output.appendLine(`[rules] ${crash.ruleId} failed on ${template.fileName}; the other rules still ran.\n${crash.stack ?? crash.message}`);
    }
  }
}

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function rangeOf(template: Template, span: Span): vscode.Range {
  const start = template.lines.positionAt(span.start);
  const end = template.lines.positionAt(span.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export function toDiagnostic(uri: vscode.Uri, template: Template, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(template, finding.span), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(rulesEngine().ruleDocsUrl(finding.ruleId)) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, rangeOf(template, r.span)), r.message));
  }
  if (finding.ruleId === 'parameter-unused') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/**
 * Problems for every template the store knows: open documents as the user types (after the store's debounce),
 * templates on disk from a lazy, bounded workspace scan after activation. Other YAML/JSON never gets any.
 */
export function registerDiagnostics(store: TemplateStore, analyzer: Analyzer): { disposable: vscode.Disposable; lastAnalysis: () => AnalysisTiming | undefined } {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** The result each document's Problems show, so an unchanged analysis is not handed to VS Code again. */
  const shown = new Map<string, AnalysisResult>();
  let last: AnalysisTiming | undefined;

  const publish = (uri: vscode.Uri): void => {
    const template = store.get(uri);
    if (!template) {
      collection.delete(uri);
      shown.delete(uri.toString());
      return;
    }
    const start = performance.now();
    const result = analyzer.analysis(template);
    const analysisMs = performance.now() - start;
    if (shown.get(uri.toString()) === result) return;
    shown.set(uri.toString(), result);
    collection.set(uri, result.findings.map((f) => toDiagnostic(uri, template, f)));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    last = { uri: uri.toString(), version: open?.version, analysisMs, publishedAt: Date.now() };
  };

  const publishKnown = async (): Promise<void> => {
    const entries = await store.all();
    for (let i = 0; i < entries.length; i += SCAN_SLICE) {
      for (const entry of entries.slice(i, i + SCAN_SLICE)) publish(entry.uri);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  // Nothing is analysed during activation: open documents right after it, the workspace scan a little later, in slices.
  const openDocuments = setTimeout(() => {
    for (const document of vscode.workspace.textDocuments) if (store.modelOf(document)) publish(document.uri);
  }, 0);
  const scan = setTimeout(() => void publishKnown(), 500);
  let codeUpdate: NodeJS.Timeout | undefined;

  const disposables = [
    collection,
    store.onDidChange((uri) => (uri ? publish(uri) : void publishKnown())),
    analyzer.code.onDidUpdate(() => {
      // Measurements finish in bursts (one per template at start-up): publish once per burst.
      clearTimeout(codeUpdate);
      codeUpdate = setTimeout(() => void publishKnown(), CODE_UPDATE_DELAY_MS);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) void publishKnown();
    }),
    vscode.commands.registerCommand(LAST_ANALYSIS_COMMAND, () => last),
    new vscode.Disposable(() => {
      clearTimeout(openDocuments);
      clearTimeout(scan);
      clearTimeout(codeUpdate);
    }),
  ];
  return { disposable: vscode.Disposable.from(...disposables), lastAnalysis: () => last };
}
