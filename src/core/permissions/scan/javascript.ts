import type * as TS from 'typescript';
import type { RawCall, ValueSource } from '../needs';
import { RESOURCE_PARAMETERS } from '../needs';
import {
  CREDENTIAL_OPTIONS,
  callOfFunction,
  callOfMethod,
  callOfNew,
  constructed,
  fromFactory,
  isSdkModule,
} from './interpret';
import type { DeferredCall, Sym, Unresolved } from './symbols';

/** What one JavaScript or TypeScript file does with the AWS SDK, independent of every other file. */
export interface FileScan {
  readonly calls: RawCall[];
  readonly deferred: DeferredCall[];
  readonly unresolved: Unresolved[];
  /** Specifiers of the project's own modules this file imports (`./db`, `../lib/clients`). */
  readonly localImports: string[];
  readonly exports: Map<string, Sym>;
  /** Modules re-exported whole (`export * from './x'`). */
  readonly starExports: string[];
  readonly parseErrors: number;
}

/** A scan that has found nothing yet, filled in as a file is read (the JavaScript and the Python reader). */
export function emptyFileScan(): FileScan {
  return {
    calls: [],
    deferred: [],
    unresolved: [],
    localImports: [],
    exports: new Map(),
    starExports: [],
    parseErrors: 0,
  };
}

let ts: typeof TS | undefined;
/** The TypeScript compiler is loaded on the first scan, never when the extension starts. */
function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ts ??= require('typescript') as typeof TS;
  return ts;
}

export function scanJavaScript(text: string, fileName: string): FileScan {
  const t = typescript();
  const kind = /\.tsx$/.test(fileName)
    ? t.ScriptKind.TSX
    : /\.(ts|mts|cts)$/.test(fileName)
      ? t.ScriptKind.TS
      : /\.jsx$/.test(fileName)
        ? t.ScriptKind.JSX
        : t.ScriptKind.JS;
  const source = t.createSourceFile(fileName, text, t.ScriptTarget.Latest, true, kind);
  return new Scanner(t, source).run();
}

class Scanner {
  private readonly names = new Map<string, Sym>();
  /** Commands sent through a client with credentials of its own (`client.send(new XCommand(...))`). */
  private readonly sentWithOwnCredentials = new Set<TS.Node>();
  /** Object literals held by names (`const config = { credentials }`), for client configurations passed by name. */
  private readonly objectLiterals = new Map<string, TS.ObjectLiteralExpression>();
  private readonly result: FileScan = emptyFileScan();

  constructor(
    private readonly t: typeof TS,
    private readonly source: TS.SourceFile,
  ) {}

  run(): FileScan {
    (this.result as { parseErrors: number }).parseErrors =
      (this.source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
    // Declarations first (in source order, so later uses see them), then the calls.
    this.visit(this.source, (n) => this.declare(n));
    this.visit(this.source, (n) => this.inspect(n));
    return this.result;
  }

  private visit(node: TS.Node, f: (n: TS.Node) => void): void {
    f(node);
    node.forEachChild((c) => this.visit(c, f));
  }

  private span(node: TS.Node): { start: number; end: number } {
    return { start: node.getStart(this.source), end: node.getEnd() };
  }

  // ---- declarations: imports, variables, exports

  private declare(node: TS.Node): void {
    const t = this.t;
    if (t.isImportDeclaration(node) && t.isStringLiteral(node.moduleSpecifier)) {
      const module = this.module(node.moduleSpecifier.text);
      const clause = node.importClause;
      if (!module || !clause) return;
      if (clause.name) this.setName(clause.name.text, this.member(module, 'default'));
      const bindings = clause.namedBindings;
      if (bindings && t.isNamespaceImport(bindings)) this.names.set(bindings.name.text, module);
      if (bindings && t.isNamedImports(bindings)) {
        for (const el of bindings.elements)
          this.setName(el.name.text, this.member(module, (el.propertyName ?? el.name).text));
      }
    } else if (
      t.isImportEqualsDeclaration(node) &&
      t.isExternalModuleReference(node.moduleReference) &&
      t.isStringLiteral(node.moduleReference.expression)
    ) {
      const module = this.module(node.moduleReference.expression.text);
      if (module) this.names.set(node.name.text, module);
    } else if (t.isVariableDeclaration(node) && node.initializer) {
      if (t.isIdentifier(node.name) && t.isObjectLiteralExpression(node.initializer))
        this.objectLiterals.set(node.name.text, node.initializer);
      this.bind(node.name, this.evaluate(node.initializer));
      if (t.isIdentifier(node.name) && this.isExported(node))
        this.result.exports.set(node.name.text, this.names.get(node.name.text) ?? { kind: 'object', props: {} });
    } else if (t.isExportDeclaration(node)) {
      this.exportDeclaration(node);
    } else if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken) {
      this.commonJsExport(node.left, node.right);
    }
  }

  private setName(name: string, sym: Sym | undefined): void {
    if (sym) this.names.set(name, sym);
  }

  private exportDeclaration(node: TS.ExportDeclaration): void {
    const t = this.t;
    const from =
      node.moduleSpecifier && t.isStringLiteral(node.moduleSpecifier)
        ? this.module(node.moduleSpecifier.text)
        : undefined;
    if (!node.exportClause) {
      if (from?.kind === 'import') this.result.starExports.push(from.spec);
      return;
    }
    if (!t.isNamedExports(node.exportClause)) return;
    for (const el of node.exportClause.elements) {
      const local = (el.propertyName ?? el.name).text;
      const sym = from ? this.member(from, local) : this.names.get(local);
      if (sym) this.result.exports.set(el.name.text, sym);
    }
  }

  /** `exports.x = ...`, `module.exports.x = ...`, `module.exports = { a, b }`. */
  private commonJsExport(left: TS.Expression, right: TS.Expression): void {
    const t = this.t;
    const text = left.getText(this.source);
    const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(text);
    if (named) {
      const sym = this.evaluate(right);
      if (sym) this.result.exports.set(named[1], sym);
    } else if (text === 'module.exports' && t.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (t.isShorthandPropertyAssignment(p)) {
          const sym = this.names.get(p.name.text);
          if (sym) this.result.exports.set(p.name.text, sym);
        } else if (t.isPropertyAssignment(p) && (t.isIdentifier(p.name) || t.isStringLiteral(p.name))) {
          const sym = this.evaluate(p.initializer);
          if (sym) this.result.exports.set(p.name.text, sym);
        }
      }
    }
  }

  private isExported(node: TS.VariableDeclaration): boolean {
    const statement = node.parent?.parent;
    return Boolean(
      statement &&
      this.t.isVariableStatement(statement) &&
      statement.modifiers?.some((m) => m.kind === this.t.SyntaxKind.ExportKeyword),
    );
  }

  /** A module specifier as a symbol: SDK modules and the project's own files; other packages are not ours to read. */
  private module(spec: string): Sym | undefined {
    if (isSdkModule(spec)) return { kind: 'sdk-module', module: spec };
    if (spec.startsWith('.')) {
      if (!this.result.localImports.includes(spec)) this.result.localImports.push(spec);
      return { kind: 'import', spec, name: '*' };
    }
    return undefined;
  }

  private member(base: Sym | undefined, name: string): Sym | undefined {
    if (!base) return undefined;
    if (base.kind === 'sdk-module') {
      // `import S3 from 'aws-sdk/clients/s3'` and `import AWS from 'aws-sdk'` are the module itself.
      if (name === 'default')
        return base.module === 'aws-sdk'
          ? base
          : { kind: 'sdk-export', module: base.module, name: base.module.split('/').pop()! };
      return { kind: 'sdk-export', module: base.module, name };
    }
    if (base.kind === 'sdk-export' && base.module === 'aws-sdk')
      return { kind: 'sdk-export', module: base.module, name: `${base.name}.${name}` };
    if (base.kind === 'import')
      return { kind: 'import', spec: base.spec, name: base.name === '*' ? name : `${base.name}.${name}` };
    if (base.kind === 'object') return base.props[name];
    return undefined;
  }

  private bind(name: TS.BindingName, sym: Sym | undefined): void {
    const t = this.t;
    if (t.isIdentifier(name)) {
      if (sym) this.names.set(name.text, sym);
      return;
    }
    if (!t.isObjectBindingPattern(name)) return;
    for (const el of name.elements) {
      const key =
        el.propertyName && (t.isIdentifier(el.propertyName) || t.isStringLiteral(el.propertyName))
          ? el.propertyName.text
          : t.isIdentifier(el.name)
            ? el.name.text
            : undefined;
      if (key === undefined) continue;
      const value =
        sym?.kind === 'object' && sym.props[key] === undefined && this.isProcessEnv(sym)
          ? undefined
          : this.member(sym, key);
      this.bind(el.name, value ?? (sym && this.isProcessEnv(sym) ? { kind: 'env', name: key } : undefined));
    }
  }

  private readonly processEnv: Sym = { kind: 'object', props: {} };
  private isProcessEnv(sym: Sym): boolean {
    return sym === this.processEnv;
  }

  // ---- values

  private evaluate(expr: TS.Expression): Sym | undefined {
    const t = this.t;
    if (
      t.isParenthesizedExpression(expr) ||
      t.isAsExpression(expr) ||
      t.isNonNullExpression(expr) ||
      t.isAwaitExpression(expr) ||
      t.isSatisfiesExpression(expr) ||
      t.isTypeAssertionExpression(expr)
    ) {
      return this.evaluate(expr.expression);
    }
    if (t.isStringLiteral(expr) || t.isNoSubstitutionTemplateLiteral(expr))
      return { kind: 'literal', value: expr.text };
    if (t.isIdentifier(expr)) return this.names.get(expr.text);
    if (
      t.isBinaryExpression(expr) &&
      (expr.operatorToken.kind === t.SyntaxKind.BarBarToken ||
        expr.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken)
    ) {
      return this.evaluate(expr.left) ?? this.evaluate(expr.right);
    }
    if (t.isPropertyAccessExpression(expr) || t.isElementAccessExpression(expr)) {
      const key = t.isPropertyAccessExpression(expr)
        ? expr.name.text
        : t.isStringLiteral(expr.argumentExpression)
          ? expr.argumentExpression.text
          : undefined;
      const base = expr.expression.getText(this.source);
      if (base === 'process.env') return key === undefined ? undefined : { kind: 'env', name: key };
      if (base === 'process' && key === 'env') return this.processEnv;
      return key === undefined ? undefined : this.member(this.evaluate(expr.expression), key);
    }
    if (t.isObjectLiteralExpression(expr)) {
      const props: Record<string, Sym> = {};
      for (const p of expr.properties) {
        if (t.isPropertyAssignment(p) && (t.isIdentifier(p.name) || t.isStringLiteral(p.name))) {
          const v = this.evaluate(p.initializer);
          if (v) props[p.name.text] = v;
        } else if (t.isShorthandPropertyAssignment(p)) {
          const v = this.names.get(p.name.text);
          if (v) props[p.name.text] = v;
        }
      }
      return { kind: 'object', props };
    }
    if (t.isNewExpression(expr)) {
      const callee = this.evaluate(expr.expression);
      const made = constructed(callee);
      if (made?.kind === 'client' && this.givesCredentials(expr.arguments?.[0]))
        return { ...made, ownCredentials: true };
      return (
        made ??
        (callee?.kind === 'import' ? { kind: 'import', spec: callee.spec, name: `new ${callee.name}` } : undefined)
      );
    }
    if (t.isCallExpression(expr)) {
      if (
        t.isIdentifier(expr.expression) &&
        expr.expression.text === 'require' &&
        expr.arguments.length === 1 &&
        t.isStringLiteral(expr.arguments[0])
      ) {
        return this.module(expr.arguments[0].text);
      }
      if (t.isPropertyAccessExpression(expr.expression)) {
        return fromFactory(
          this.evaluate(expr.expression.expression),
          expr.expression.name.text,
          expr.arguments[0] && this.evaluate(expr.arguments[0]),
        );
      }
    }
    return undefined;
  }

  /**
   * Whether a client's configuration object gives it credentials (`{ credentials: fromTemporaryCredentials(...) }`).
   */
  private givesCredentials(config: TS.Expression | undefined): boolean {
    const t = this.t;
    const literal = config && t.isIdentifier(config) ? this.objectLiterals.get(config.text) : config;
    return Boolean(
      literal &&
      t.isObjectLiteralExpression(literal) &&
      literal.properties.some(
        (p) => p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) && CREDENTIAL_OPTIONS.has(p.name.text),
      ),
    );
  }

  /**
   * The resource-naming parameters of a call: from an object literal, or a variable holding one, one level deep into
   * lists.
   */
  private params(args: readonly TS.Expression[]): Record<string, ValueSource> {
    const out: Record<string, ValueSource> = {};
    const collect = (sym: Sym | undefined, depth: number): void => {
      if (sym?.kind !== 'object') return;
      for (const [key, value] of Object.entries(sym.props)) {
        if (RESOURCE_PARAMETERS.has(key) && (value.kind === 'env' || value.kind === 'literal') && !out[key])
          out[key] = value;
        if (depth < 2) collect(value, depth + 1);
      }
    };
    for (const arg of args) {
      const t = this.t;
      collect(this.evaluate(arg), 0);
      if (t.isObjectLiteralExpression(arg)) {
        for (const p of arg.properties) {
          if (t.isPropertyAssignment(p) && t.isArrayLiteralExpression(p.initializer))
            p.initializer.elements.forEach((e) => collect(this.evaluate(e), 1));
        }
      }
    }
    return out;
  }

  // ---- calls

  private inspect(node: TS.Node): void {
    const t = this.t;
    if (t.isNewExpression(node)) this.inspectNew(node);
    else if (t.isCallExpression(node)) this.inspectCall(node);
  }

  private inspectNew(node: TS.NewExpression): void {
    const t = this.t;
    const callee = this.evaluate(node.expression);
    const args = node.arguments ?? [];
    const span = this.span(node.expression);
    if (callee?.kind === 'import') {
      this.result.deferred.push({ receiver: callee, form: 'new', params: this.params(args), span });
      return;
    }
    const call = callOfNew(callee, this.params(args), span, this.sentWithOwnCredentials.has(node));
    if (call) this.result.calls.push(call);
    else if (
      t.isElementAccessExpression(node.expression) &&
      this.evaluate(node.expression.expression)?.kind === 'sdk-module'
    ) {
      this.result.unresolved.push({ reason: 'an SDK client is created from a computed name', span: this.span(node) });
    }
  }

  private inspectCall(node: TS.CallExpression): void {
    const t = this.t;
    const callee = node.expression;
    const args = node.arguments;
    const loads = callee.kind === t.SyntaxKind.ImportKeyword || (t.isIdentifier(callee) && callee.text === 'require');
    if (loads) {
      // Every module the code loads counts, assigned or not; one named at run time hides code from us.
      if (args[0] && (t.isStringLiteral(args[0]) || t.isNoSubstitutionTemplateLiteral(args[0])))
        this.module(args[0].text);
      else this.result.unresolved.push({ reason: 'a module is loaded by a computed name', span: this.span(node) });
      return;
    }
    if (t.isIdentifier(callee)) {
      const sym = this.names.get(callee.text);
      if (sym?.kind === 'import')
        this.result.deferred.push({ receiver: sym, form: 'call', params: this.params(args), span: this.span(callee) });
      const call = callOfFunction(sym, this.params(args.slice(1)), this.span(callee));
      if (call) this.result.calls.push(call);
      return;
    }
    if (t.isElementAccessExpression(callee) && this.evaluate(callee.expression)?.kind === 'client') {
      this.result.unresolved.push({
        reason: 'the operation is chosen at run time (a computed method name)',
        span: this.span(node),
      });
      return;
    }
    if (!t.isPropertyAccessExpression(callee)) return;
    const receiver = this.evaluate(callee.expression);
    const method = callee.name.text;
    const span = this.span(callee.name);
    const first =
      args[0] && (t.isStringLiteral(args[0]) || t.isNoSubstitutionTemplateLiteral(args[0])) ? args[0].text : undefined;
    if (receiver?.kind === 'import') {
      this.result.deferred.push({
        receiver,
        method,
        form: 'method',
        params: this.params(args),
        firstString: first,
        span,
      });
      return;
    }
    if (receiver?.kind === 'client' && method === 'send') {
      if (receiver.ownCredentials && args[0]) this.sentWithOwnCredentials.add(args[0]);
      const sent = args[0] && this.evaluate(args[0]);
      if (!(args[0] && t.isNewExpression(args[0])) && sent?.kind !== 'command') {
        this.result.unresolved.push({
          reason: 'the command sent cannot be determined statically',
          span: this.span(node),
        });
      }
      return;
    }
    const call = callOfMethod(receiver, method, this.params(args), first, span);
    if (call) this.result.calls.push(call);
  }
}
