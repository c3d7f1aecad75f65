import * as path from 'path';
import type { HandlerScan } from '../../../src/core/permissions/scan/files';
import { scanHandler } from '../../../src/core/permissions/scan/files';

export const CODE = path.resolve('/project/src');

/** An in-memory project: paths relative to CODE → file text. */
export function reader(files: Record<string, string>): (p: string) => string | undefined {
  const byPath = new Map(Object.entries(files).map(([k, v]) => [path.resolve(CODE, k), v]));
  return (p) => byPath.get(path.resolve(p));
}

export function scan(files: Record<string, string>, handler = 'index.handler', runtime = 'nodejs22.x'): HandlerScan {
  return scanHandler(CODE, handler, runtime, reader(files));
}

/** `service:Operation → action(s) [param=env:X]` lines, sorted: what a reviewer checks in a scan. */
export function summary(result: HandlerScan): string[] {
  return result.calls
    .map((c) => {
      const params = Object.entries(c.params)
        .map(([k, v]) => `${k}=${v.kind === 'env' ? `env:${v.name}` : v.value}`)
        .join(' ');
      return `${c.prefix}:${c.operation} → ${c.actions.join('+')}${params ? ` [${params}]` : ''}`;
    })
    .sort();
}
