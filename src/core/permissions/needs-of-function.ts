import * as path from 'path';
import { toPlain } from '../model/nodes';
import type { FunctionView, Template } from '../model/template';
import { displayPattern, patternOf, resolveValue } from './arn';
import type { ValueSource } from './needs';
import { resourceArn } from './needs';
import type { HandlerScans } from './scans';
import type { HandlerScan } from './scan/files';
import type { CodeCall, UnresolvedCall } from './types';

export interface FunctionNeeds {
  readonly scan: HandlerScan;
  /** One entry per action per call site. */
  readonly calls: readonly CodeCall[];
  readonly unresolved: readonly UnresolvedCall[];
}

/** The folder of a function's code, absolute: `CodeUri` relative to the template's folder. */
export function codeDirOf(template: Template, fn: FunctionView): string | undefined {
  const uri = fn.codeUri?.value ?? (template.kind === 'serverless' ? '.' : undefined);
  if (uri === undefined || /^s3:\/\//.test(uri)) return undefined;
  return path.resolve(path.dirname(template.fileName), uri);
}

/** The handler code a function runs: what to scan for it. */
export interface ScanQuery {
  readonly codeDir: string;
  readonly handler: string;
  readonly runtime: string | undefined;
}

export function scanQueryOf(template: Template, fn: FunctionView): ScanQuery | undefined {
  const codeDir = codeDirOf(template, fn);
  const handler = fn.handler?.value;
  if (!codeDir || !handler || fn.packageType === 'Image') return undefined;
  return { codeDir, handler, runtime: fn.runtime?.value };
}

/**
 * What the function's handler code calls, each action with the resource traced through the template;
 * undefined while its handler has not been scanned.
 */
export function needsOf(template: Template, fn: FunctionView, scans: HandlerScans): FunctionNeeds | undefined {
  const query = scanQueryOf(template, fn);
  const scan = query && scans.scanOf(query);
  if (!scan) return undefined;
  const calls: CodeCall[] = [];
  for (const call of scan.calls) {
    const { values, via } = paramValues(template, fn, call.params);
    for (const action of call.actions) {
      const arn = resourceArn(action, values);
      const resource = arn && !/^\*$/.test(arn) ? patternOf(template, arn) : undefined;
      calls.push({
        service: call.prefix,
        operation: call.operation,
        actions: [action],
        resource,
        ownCredentials: call.ownCredentials,
        resourceVia: resource && via.length > 0 ? `${via.join(', ')} → ${displayPattern(resource.pattern)}` : undefined,
        location: { file: call.file, span: call.span },
      });
    }
  }
  const unresolved = scan.unresolved.map((u) => ({ reason: u.reason, location: { file: u.file, span: u.span } }));
  return { scan, calls, unresolved };
}

/** Parameter values: literals as written, environment variables as the template sets them (one value only). */
function paramValues(
  template: Template,
  fn: FunctionView,
  params: Readonly<Record<string, ValueSource>>,
): { values: Record<string, string | undefined>; via: string[] } {
  const values: Record<string, string | undefined> = {};
  const via: string[] = [];
  for (const [name, source] of Object.entries(params)) {
    if (source.kind === 'literal') {
      values[name] = source.value;
      continue;
    }
    const variable = fn.environment.find((v) => v.name === source.name);
    const resolved = variable ? resolveValue(template, toPlain(variable.value)) : [];
    if (resolved.length === 1 && !resolved[0].includes('*')) {
      values[name] = resolved[0];
      via.push(source.name);
    }
  }
  return { values, via };
}
