import * as vscode from 'vscode';
import type { LineIndex, Span, Template } from '../core';
import { codeQueriesOf } from '../core/code/targets';
import type { CodeQueries } from '../core/code/targets';
import { rulesEngine } from './rules-engine';
import type { PermissionAnalysis } from '../core/permissions';
import type { AnalysisInputs, AnalysisResult, Finding, Severity, SourceFile } from '../core/rules';
import type { SchemaCatalog } from '../core/schema/catalog';
import { CodeFactsCache } from './code-facts';
import { HandlerScansCache } from './handler-scans';
import { SECTION, SETTINGS } from './settings.generated';
import type { TemplateStore } from './template-store';

export const DIAGNOSTIC_SOURCE = 'serverless-workbench';
export const LAST_ANALYSIS_COMMAND = 'serverlessWorkbench.diagnostics.lastAnalysis';
export const LINT_WORKSPACE_COMMAND = 'serverlessWorkbench.lintWorkspace';

/** What "Lint Workspace" found, for a test or a caller that wants the figures rather than the Problems view. */
export interface LintSummary {
  readonly templates: number;
  readonly errors: number;
  readonly warnings: number;
}
/** Templates analysed per slice of the workspace scan, so a large workspace never blocks the extension host. */
const SCAN_SLICE = 20;
/** Code measurements and handler scans that finish within this time are published together. */
const CODE_UPDATE_DELAY_MS = 200;

/** How long the last analysis of a document took, for the benchmarks and for users who wonder. */
export interface AnalysisTiming {
  readonly uri: string;
  readonly version: number | undefined;
  /** Rules only (the model is built by the store), as far as they were left when the debounce ended. */
  readonly analysisMs: number;
  /** The whole analysis had run while the debounce waited, so handing it over took no rule's time. */
  readonly readyAhead: boolean;
  /** When the diagnostics were handed to VS Code (Date.now()). */
  readonly publishedAt: number;
}

/** An analysis run in idle moments before the debounce ends: `result` once its last rule has run. */
interface AheadRun {
  readonly template: Template;
  readonly key: string;
  readonly steps: Generator<void, AnalysisResult>;
  /** Whether the model is still its document's newest. */
  readonly isCurrent: () => boolean;
  timer?: NodeJS.Immediate;
  result?: AnalysisResult;
}

/**
 * The run's next rule, or undefined if the engine itself failed (a rule's failure is a crash in the result): the run
 * is dropped, and the debounce's own analysis runs and reports as it would have without it.
 */
function nextStep(run: AheadRun): IteratorResult<void, AnalysisResult> | undefined {
  try {
    return run.steps.next();
  } catch {
    return undefined;
  }
}

/**
 * Runs the rules on the store's models, once per model and inputs: the result is cached on the template's
 * identity (a new keystroke makes a new template) and on the versions of the settings and code facts.
 */
export class Analyzer implements vscode.Disposable {
  private readonly cache = new WeakMap<Template, { key: string; result: AnalysisResult; readyAhead: boolean }>();
  private readonly onDidFinishAheadEmitter = new vscode.EventEmitter<Template>();
  /** An analysis run ahead of the debounce has run its last rule. */
  readonly onDidFinishAhead = this.onDidFinishAheadEmitter.event;
  /** The analysis under way ahead of the debounce, per template file. */
  private readonly ahead = new Map<string, AheadRun>();
  private readonly queries = new WeakMap<Template, CodeQueries>();
  private readonly reportedCrashes = new Set<string>();
  private settingsVersion = 0;
  private todayOverride: string | undefined;
  readonly code = new CodeFactsCache();
  readonly scans = new HandlerScansCache(() => SETTINGS.analysis.debounceMs.value());
  private readonly disposables: vscode.Disposable[] = [this.code, this.scans, this.onDidFinishAheadEmitter];

  /** `schemas` reads the validation data on the first analysis that validates properties, not at activation. */
  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly schemas: SchemaCatalog,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.settingsVersion++;
      }),
    );
  }

  /** Tests (and only tests) pin "today"; the product reads the clock through `todayIso`. */
  setToday(today: string | undefined): void {
    this.todayOverride = today;
    this.settingsVersion++;
  }

  analysis(template: Template): AnalysisResult {
    const today = this.today();
    const key = this.keyOf(template, today);
    const cached = this.cache.get(template);
    if (cached?.key === key) return cached.result;
    const ahead = this.takeAhead(template, key);
    const result = ahead?.result ?? rulesEngine().analyzeTemplate(template, this.inputs(today));
    this.cache.set(template, { key, result, readyAhead: ahead?.ready ?? false });
    this.reportCrashes(template, result);
    this.code.request(this.queriesOf(template));
    this.scans.request(template, rulesEngine().permissionAnalysisOf(template, this.scans.inputs));
    return result;
  }

  /**
   * Analyses a model built while the user types, a rule per idle moment, so that when the debounce ends its Problems
   * are ready to hand over. The run stops once `isCurrent` says a newer text replaced the model.
   */
  analyseAhead(template: Template, isCurrent: () => boolean): void {
    const file = template.fileName;
    const running = this.ahead.get(file);
    if (running?.template === template) return;
    clearImmediate(running?.timer);
    this.ahead.delete(file);
    const today = this.today();
    const key = this.keyOf(template, today);
    if (this.cache.get(template)?.key === key) return;
    const steps = rulesEngine().analysisSteps(template, this.inputs(today));
    const run: AheadRun = { template, key, steps, isCurrent };
    const step = (): void => {
      const next = isCurrent() ? nextStep(run) : undefined;
      if (!next) {
        if (this.ahead.get(file) === run) this.ahead.delete(file);
        return;
      }
      if (next.done) {
        run.result = next.value;
        this.onDidFinishAheadEmitter.fire(template);
      }
      run.timer = next.done ? undefined : setImmediate(step);
    };
    run.timer = setImmediate(step);
    this.ahead.set(file, run);
  }

  /** Whether the analysis shown for this model had run before the debounce ended. */
  wasReadyAhead(template: Template): boolean {
    return this.cache.get(template)?.readyAhead ?? false;
  }

  /** The analysis run ahead for this model and key (`ready`: whole), finished now if the debounce ended first. */
  private takeAhead(template: Template, key: string): { result: AnalysisResult; ready: boolean } | undefined {
    const run = this.ahead.get(template.fileName);
    if (!run) return undefined;
    if (run.template !== template) {
      // A finished run of a text no longer current (its document closed, say) would otherwise be kept for ever.
      if (!run.isCurrent()) this.ahead.delete(template.fileName);
      return undefined;
    }
    this.ahead.delete(template.fileName);
    clearImmediate(run.timer);
    if (run.key !== key) return undefined;
    if (run.result) return { result: run.result, ready: true };
    for (let next = run.steps.next(); ; next = run.steps.next())
      if (next.done) return { result: next.value, ready: false };
  }

  /** Tests (and only tests) pin "today" with `setToday`. */
  private today(): string {
    return this.todayOverride ?? rulesEngine().todayIso();
  }

  private keyOf(template: Template, today: string): string {
    return `${today}|${this.settingsVersion}|${this.codeSignature(template)}|${this.scans.signature(template)}`;
  }

  private inputs(today: string): AnalysisInputs {
    const permissions = this.scans.inputs;
    return {
      today,
      severities: SETTINGS.rules.value(),
      accountConcurrency: SETTINGS.accountConcurrency.value(),
      code: this.code.facts,
      schemas: this.schemas,
      ...(permissions ? { permissions } : {}),
    };
  }

  /** The permission analysis the IAM rules reported from (for the Permissions tree and the graph). */
  permissionAnalysis(template: Template): PermissionAnalysis {
    return rulesEngine().permissionAnalysisOf(template, this.scans.inputs);
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
    for (const run of this.ahead.values()) clearImmediate(run.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** A rule that throws is logged once per rule and message, however many keystrokes repeat it. */
  private reportCrashes(template: Template, result: AnalysisResult): void {
    for (const crash of result.crashes) {
      const key = `${crash.ruleId}\u0000${crash.message}`;
      if (this.reportedCrashes.has(key)) continue;
      this.reportedCrashes.add(key);
      this.output.appendLine(
        `[rules] ${crash.ruleId} failed on ${template.fileName}; the other rules still ` +
          `ran.\n${crash.stack ?? crash.message}`,
      );
    }
  }
}

export const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function rangeIn(lines: LineIndex, span: Span): vscode.Range {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** The range of a span in the template, or in the other file (a handler's source) it is in. */
export function rangeOf(template: Template, span: Span, file?: SourceFile): vscode.Range {
  return rangeIn(file?.lines ?? template.lines, span);
}

/** The document a finding (or one of its related places) is in: the template's, or the other file's. */
export function uriOf(templateUri: vscode.Uri, file: SourceFile | undefined): vscode.Uri {
  return file ? vscode.Uri.file(file.path) : templateUri;
}

export function toDiagnostic(uri: vscode.Uri, template: Template, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    rangeOf(template, finding.span, finding.file),
    finding.message,
    SEVERITY[finding.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(rulesEngine().ruleDocsUrl(finding.ruleId)) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (r) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(uriOf(uri, r.file), rangeOf(template, r.span, r.file)),
          r.message,
        ),
    );
  }
  if (finding.ruleId === 'parameter-unused') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** A template's diagnostics by the document they are shown on: its own, and those in its handlers' sources. */
function diagnosticsByFile(
  uri: vscode.Uri,
  template: Template,
  findings: readonly Finding[],
): Map<string, vscode.Diagnostic[]> {
  const byFile = new Map<string, vscode.Diagnostic[]>([[uri.toString(), []]]);
  for (const f of findings) {
    const key = uriOf(uri, f.file).toString();
    const diagnostics = byFile.get(key) ?? [];
    diagnostics.push(toDiagnostic(uri, template, f));
    byFile.set(key, diagnostics);
  }
  return byFile;
}

/**
 * Problems for every template the store knows: open documents as the user types (after the store's debounce),
 * templates on disk from a lazy, bounded workspace scan after activation. Other YAML/JSON never gets any; a
 * handler's source gets the findings the templates that run it place there (several templates may).
 */
export function registerDiagnostics(
  store: TemplateStore,
  analyzer: Analyzer,
): { disposable: vscode.Disposable; lastAnalysis: () => AnalysisTiming | undefined } {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** What each template's analysis shows and where, so an unchanged analysis is not handed to VS Code again. */
  const shown = new Map<string, { result: AnalysisResult; byFile: Map<string, vscode.Diagnostic[]> }>();
  let last: AnalysisTiming | undefined;

  /** A document's Problems: what every template shows on it. */
  const refresh = (file: string): void => {
    const diagnostics = [...shown.values()].flatMap((s) => s.byFile.get(file) ?? []);
    if (diagnostics.length > 0) collection.set(vscode.Uri.parse(file), diagnostics);
    else collection.delete(vscode.Uri.parse(file));
  };
  const show = (
    uri: vscode.Uri,
    next: { result: AnalysisResult; byFile: Map<string, vscode.Diagnostic[]> } | undefined,
  ): void => {
    const previous = shown.get(uri.toString());
    if (next) shown.set(uri.toString(), next);
    else shown.delete(uri.toString());
    for (const file of new Set([uri.toString(), ...(previous?.byFile.keys() ?? []), ...(next?.byFile.keys() ?? [])]))
      refresh(file);
  };

  const publish = (uri: vscode.Uri): void => {
    const template = store.get(uri);
    if (!template) {
      show(uri, undefined);
      return;
    }
    const start = performance.now();
    const result = analyzer.analysis(template);
    const analysisMs = performance.now() - start;
    if (shown.get(uri.toString())?.result === result) return;
    show(uri, { result, byFile: diagnosticsByFile(uri, template, result.findings) });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    last = {
      uri: uri.toString(),
      version: open?.version,
      analysisMs,
      readyAhead: analyzer.wasReadyAhead(template),
      publishedAt: Date.now(),
    };
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
    store.onDidChangeForProblems(publish),
    store.onDidBuildAhead(({ template, isCurrent }) => analyzer.analyseAhead(template, isCurrent)),
    // Measurements and scans finish in bursts (one per template at start-up): publish once per burst.
    ...[analyzer.code.onDidUpdate, analyzer.scans.onDidUpdate].map((onDidUpdate) =>
      onDidUpdate(() => {
        clearTimeout(codeUpdate);
        codeUpdate = setTimeout(() => void publishKnown(), CODE_UPDATE_DELAY_MS);
      }),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) void publishKnown();
    }),
    vscode.commands.registerCommand(LAST_ANALYSIS_COMMAND, () => last),
    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, async (): Promise<LintSummary> => {
      await publishKnown();
      void vscode.commands.executeCommand('workbench.actions.view.problems');
      const findings = [...shown.values()].flatMap((s) => s.result.findings);
      return {
        templates: shown.size,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      };
    }),
    new vscode.Disposable(() => {
      clearTimeout(openDocuments);
      clearTimeout(scan);
      clearTimeout(codeUpdate);
    }),
  ];
  return { disposable: vscode.Disposable.from(...disposables), lastAnalysis: () => last };
}
