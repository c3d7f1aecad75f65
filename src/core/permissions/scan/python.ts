import type { RawCall, ValueSource } from '../needs';
import { RESOURCE_PARAMETERS } from '../needs';
import { actionsFor, iamPrefix, pythonOperation } from '../operations';
import type { FileScan } from './javascript';
import { emptyFileScan } from './javascript';
import type { DeferredCall, Span, Sym } from './symbols';

/**
 * A careful reader for boto3 code. Python has no parser in our toolchain, so this works on the text with
 * comments and docstrings blanked out (offsets unchanged) and tracks what names hold: clients, resources
 * (`Table`, `Bucket`, `Object`), batch writers, environment variables, and names imported from the
 * project's own modules. What it cannot follow is reported as unresolved, never guessed.
 */
type PySym =
  | { readonly kind: 'client'; readonly prefix: string; readonly style: 'methods'; readonly ownCredentials?: boolean }
  | { readonly kind: 'py-resource'; readonly prefix: string; readonly ownCredentials?: boolean }
  | {
      readonly kind: 'py-object';
      readonly prefix: string;
      readonly type: 'Table' | 'Bucket' | 'Object' | 'Queue' | 'batch';
      readonly params: Record<string, ValueSource>;
      readonly ownCredentials?: boolean;
    }
  | Sym;

/** Operations of boto3 resource objects, by object type and method. */
const OBJECT_METHODS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Table: {
    put_item: 'PutItem',
    get_item: 'GetItem',
    update_item: 'UpdateItem',
    delete_item: 'DeleteItem',
    query: 'Query',
    scan: 'Scan',
    batch_writer: 'BatchWriteItem',
    load: 'DescribeTable',
    reload: 'DescribeTable',
  },
  batch: { put_item: 'BatchWriteItem', delete_item: 'BatchWriteItem' },
  Bucket: {
    put_object: 'PutObject',
    upload_file: 'PutObject',
    upload_fileobj: 'PutObject',
    download_file: 'GetObject',
    download_fileobj: 'GetObject',
    delete_objects: 'DeleteObjects',
    copy: 'CopyObject',
  },
  Object: {
    get: 'GetObject',
    put: 'PutObject',
    delete: 'DeleteObject',
    upload_file: 'PutObject',
    upload_fileobj: 'PutObject',
    download_file: 'GetObject',
    download_fileobj: 'GetObject',
    copy_from: 'CopyObject',
    load: 'HeadObject',
  },
  Queue: {
    send_message: 'SendMessage',
    send_messages: 'SendMessageBatch',
    receive_messages: 'ReceiveMessage',
    delete_messages: 'DeleteMessageBatch',
    purge: 'PurgeQueue',
  },
};

/** `'Key': value` in a dictionary literal, where the value is an environment read, a string or a name. */
const DICTIONARY_ENTRY =
  /['"](\w+)['"]\s*:\s*(os\.environ\[\s*['"]\w+['"]\s*\]|(?:os\.environ\.get|os\.getenv)\([^)]*\)|['"][^'"\n]*['"]|[\w.]+)/g;

/** Client helpers that are not operations of the same name. */
const CLIENT_HELPERS: Readonly<Record<string, string>> = {
  upload_file: 'PutObject',
  upload_fileobj: 'PutObject',
  download_file: 'GetObject',
  download_fileobj: 'GetObject',
};
const CLIENT_HOUSEKEEPING = new Set(['get_waiter', 'close', 'can_paginate', 'exceptions', 'meta', 'paginate']);

export function scanPython(text: string): FileScan {
  return new PythonReader(text).run();
}

class PythonReader {
  private readonly code: string;
  private readonly names = new Map<string, PySym>();
  private readonly boto3 = new Set<string>();
  private readonly result: FileScan = emptyFileScan();

  constructor(text: string) {
    this.code = blankCommentsAndDocstrings(text);
  }

  run(): FileScan {
    this.imports();
    this.assignments();
    this.calls();
    for (const [name, sym] of this.names) this.result.exports.set(name, sym as Sym);
    return this.result;
  }

  private imports(): void {
    for (const m of this.code.matchAll(/^[ \t]*import[ \t]+boto3(?:[ \t]+as[ \t]+(\w+))?/gm))
      this.boto3.add(m[1] ?? 'boto3');
    for (const m of this.code.matchAll(/^[ \t]*from[ \t]+boto3[ \t]+import[ \t]+([\w, \t]+)/gm)) {
      for (const part of m[1].split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name === 'client' || name === 'resource')
          this.names.set(alias ?? name, { kind: 'sdk-export', module: 'boto3', name });
      }
    }
    for (const m of this.code.matchAll(
      /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([\w, \t\r\n]+)\)|([\w, \t]+)$)/gm,
    )) {
      if (m[1] === 'boto3' || m[1].startsWith('boto')) continue;
      const spec = m[1];
      this.addLocalImport(spec);
      for (const part of (m[2] ?? m[3]).split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name) this.names.set(alias ?? name, { kind: 'import', spec, name });
      }
    }
    for (const m of this.code.matchAll(/^[ \t]*import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+(\w+))?[ \t]*$/gm)) {
      if (m[1] === 'boto3' || m[1] === 'os' || m[1] === 'json') continue;
      this.addLocalImport(m[1]);
      this.names.set(m[2] ?? m[1], { kind: 'import', spec: m[1], name: '*' });
    }
  }

  private addLocalImport(spec: string): void {
    if (!this.result.localImports.includes(spec)) this.result.localImports.push(spec);
  }

  /** `name = <expr>` at any indentation (`self.x` included), in source order. */
  private assignments(): void {
    for (const m of this.code.matchAll(/^[ \t]*([\w.]+)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*([^\n]+)/gm)) {
      const sym = this.evaluate(m[2].trim());
      if (sym) this.names.set(m[1], sym);
    }
    for (const m of this.code.matchAll(/with[ \t]+([\w.]+)\.batch_writer\([^)]*\)[ \t]+as[ \t]+(\w+)/g)) {
      const table = this.lookup(m[1]);
      if (table?.kind === 'py-object' && table.type === 'Table') this.names.set(m[2], { ...table, type: 'batch' });
    }
  }

  /** What an expression stands for, from its text (a call chain, a string, an environment read). */
  private evaluate(expr: string): PySym | undefined {
    const env =
      /^os\.(?:environ\[\s*['"](\w+)['"]\s*\]|environ\.get\(\s*['"](\w+)['"]|getenv\(\s*['"](\w+)['"])/.exec(expr) ??
      /^environ\[\s*['"](\w+)['"]\s*\]/.exec(expr);
    if (env) return { kind: 'env', name: env[1] ?? env[2] ?? env[3] };
    const literal = /^(?:f?)(['"])([^'"]*)\1\s*$/.exec(expr);
    if (literal && !expr.startsWith('f')) return { kind: 'literal', value: literal[2] };
    const object = /^([\w.]+(?:\([^()]*\))?)\.(Table|Bucket|Object|Queue)\(([^)]*)\)/.exec(expr);
    if (object) {
      const base = object[1].includes('(') ? this.evaluate(object[1]) : this.lookup(object[1]);
      if (base?.kind !== 'py-resource') return undefined;
      const params = this.positional(object[2] as 'Table', object[3]);
      return {
        kind: 'py-object',
        prefix: base.prefix,
        type: object[2] as 'Table',
        params,
        ownCredentials: base.ownCredentials,
      };
    }
    const factory =
      /^([\w.()]+?)\.(client|resource)\(\s*(?:service_name\s*=\s*)?(['"]([\w-]+)['"])?/.exec(expr) ??
      /^(client|resource)\(\s*(['"]([\w-]+)['"])?/.exec(expr);
    if (factory) return this.factory(factory, expr);
    if (/^[\w.]+$/.test(expr)) return this.lookup(expr);
    return undefined;
  }

  /** A name, or a dotted name under an imported project module (`db.table`). */
  private lookup(name: string): PySym | undefined {
    const known = this.names.get(name);
    if (known) return known;
    const dot = name.indexOf('.');
    const base = dot > 0 ? this.names.get(name.slice(0, dot)) : undefined;
    if (base?.kind !== 'import') return undefined;
    return {
      kind: 'import',
      spec: base.spec,
      name: base.name === '*' ? name.slice(dot + 1) : `${base.name}.${name.slice(dot + 1)}`,
    };
  }

  private factory(m: RegExpExecArray, expr: string): PySym | undefined {
    const direct = m[1] === 'client' || m[1] === 'resource';
    const kind = direct ? m[1] : m[2];
    const service = direct ? m[3] : m[4];
    const base = direct ? this.names.get(m[1]) : undefined;
    const viaBoto3 = direct
      ? base?.kind === 'sdk-export'
      : this.boto3.has(m[1].split('.')[0]) || /Session\(/.test(m[1]) || this.names.get(m[1])?.kind === 'sdk-module';
    if (!viaBoto3) return undefined;
    if (!service) {
      this.result.unresolved.push({
        reason: `a boto3 ${kind} is created for a service named at run time`,
        span: this.spanOf(expr),
      });
      return undefined;
    }
    const ownCredentials = this.givesCredentials(expr, kind);
    return kind === 'client'
      ? { kind: 'client', prefix: iamPrefix(service), style: 'methods', ownCredentials }
      : { kind: 'py-resource', prefix: iamPrefix(service), ownCredentials };
  }

  /**
   * Whether a `client(...)`/`resource(...)` call, or the `Session(...)` it is made from, passes credentials
   * (`aws_access_key_id=creds['AccessKeyId']` after `sts.assume_role`), read up to the call's closing parenthesis.
   */
  private givesCredentials(expr: string, kind: string): boolean {
    const at = this.code.indexOf(expr);
    const open = at < 0 ? -1 : this.code.indexOf('(', at + expr.indexOf(`${kind}(`));
    const text = open < 0 ? expr : this.code.slice(at, open + 1 + argumentsAt(this.code, open + 1).length);
    return /\baws_(?:access_key_id|secret_access_key|session_token)\s*=/.test(text);
  }

  private positional(type: 'Table' | 'Bucket' | 'Object' | 'Queue', args: string): Record<string, ValueSource> {
    const names = { Table: ['TableName'], Bucket: ['Bucket'], Object: ['Bucket', 'Key'], Queue: ['QueueUrl'] }[type];
    const out: Record<string, ValueSource> = {};
    splitArguments(args).forEach((arg, i) => {
      const v = this.value(arg);
      if (v && names[i]) out[names[i]] = v;
    });
    return out;
  }

  private value(expr: string): ValueSource | undefined {
    const sym = this.evaluate(expr.trim());
    return sym?.kind === 'env' || sym?.kind === 'literal' ? sym : undefined;
  }

  private spanOf(expr: string): Span {
    const start = this.code.indexOf(expr);
    return { start: Math.max(0, start), end: Math.max(0, start) + expr.length };
  }

  private calls(): void {
    for (const m of this.code.matchAll(/([\w.]+(?:\([^()\n]*\))?)\.(\w+)\(/g)) {
      const receiverText = m[1];
      const method = m[2];
      const nameStart = m.index! + m[0].length - method.length - 1;
      const span = { start: nameStart, end: nameStart + method.length };
      const args = argumentsAt(this.code, m.index! + m[0].length);
      const receiver = receiverText.includes('(') ? this.evaluate(receiverText) : this.lookup(receiverText);
      if (receiver?.kind === 'import') {
        this.result.deferred.push({
          receiver,
          method,
          form: 'method',
          params: this.keywords(args),
          firstString: firstString(args),
          span,
        } satisfies DeferredCall);
        continue;
      }
      const call = pythonCall(receiver, method, this.keywords(args), firstString(args), span);
      if (call) this.result.calls.push(call);
    }
    for (const m of this.code.matchAll(/getattr\(\s*([\w.]+)\s*,/g)) {
      const receiver = this.names.get(m[1]);
      if (receiver?.kind === 'client' || receiver?.kind === 'py-object') {
        this.result.unresolved.push({
          reason: 'the operation is chosen at run time (getattr)',
          span: { start: m.index!, end: m.index! + m[0].length },
        });
      }
    }
  }

  private keywords(args: string): Record<string, ValueSource> {
    const out: Record<string, ValueSource> = {};
    for (const arg of splitArguments(args)) {
      const kw = /^(\w+)\s*=\s*([\s\S]+)$/.exec(arg.trim());
      if (kw && RESOURCE_PARAMETERS.has(kw[1])) {
        const v = this.value(kw[2]);
        if (v) out[kw[1]] = v;
      }
    }
    // Keys of dictionaries written in the call (`Entries=[{'EventBusName': os.environ['BUS'], ...}]`).
    for (const m of args.matchAll(DICTIONARY_ENTRY)) {
      if (!RESOURCE_PARAMETERS.has(m[1]) || out[m[1]]) continue;
      const v = this.value(m[2]);
      if (v) out[m[1]] = v;
    }
    return out;
  }
}

/** The AWS call `receiver.method(...)` makes in boto3, if any. Shared with linking across modules. */
export function pythonCall(
  receiver: PySym | undefined,
  method: string,
  params: Record<string, ValueSource>,
  first: string | undefined,
  span: Span,
): RawCall | undefined {
  const ownCredentials = (receiver?.kind === 'client' || receiver?.kind === 'py-object') && receiver.ownCredentials;
  const make = (prefix: string, operation: string, p: Record<string, ValueSource>): RawCall => ({
    prefix,
    operation,
    actions: actionsFor(prefix, operation),
    params: p,
    span,
    ...(ownCredentials ? { ownCredentials } : {}),
  });
  if (receiver?.kind === 'client') {
    if (CLIENT_HOUSEKEEPING.has(method) || method.startsWith('_')) return undefined;
    if (method === 'get_paginator' || method === 'generate_presigned_url')
      return first ? make(receiver.prefix, pythonOperation(first), params) : undefined;
    return make(receiver.prefix, CLIENT_HELPERS[method] ?? pythonOperation(method), params);
  }
  if (receiver?.kind === 'py-object') {
    const operation = OBJECT_METHODS[receiver.type]?.[method];
    return operation ? make(receiver.prefix, operation, { ...receiver.params, ...params }) : undefined;
  }
  return undefined;
}

function firstString(args: string): string | undefined {
  return /^\s*['"]([\w-]+)['"]/.exec(args)?.[1];
}

/** The text between a call's parentheses (the opening one is just before `from`). */
function argumentsAt(code: string, from: number): string {
  let depth = 1;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth === 0) return code.slice(from, i);
  }
  return code.slice(from);
}

/** Top-level comma split (commas inside brackets or strings stay). */
function splitArguments(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let last = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (quote) {
      if (c === quote && args[i - 1] !== '\\') quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(args.slice(last, i));
      last = i + 1;
    }
  }
  if (args.slice(last).trim()) out.push(args.slice(last));
  return out.map((a) => a.trim()).filter(Boolean);
}

/** Replaces comments and triple-quoted strings by spaces, keeping every offset and line break. */
export function blankCommentsAndDocstrings(text: string): string {
  const out = text.split('');
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const q = text.slice(i, i + 3);
      const end = text.indexOf(q, i + 3);
      const stop = end < 0 ? text.length : end + 3;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}
