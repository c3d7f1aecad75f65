import type { FunctionView, Setting } from '../model/template';
import { whereWords } from './inherited';
import type { AboutFunction } from './types';

/**
 * What a report about one of a function's settings says it is about: the engine words the message's subject
 * and where the value came from, and reports a value inherited from Globals or provider once for all.
 */
export function about(fn: FunctionView, setting: Pick<Setting<unknown>, 'source'>): AboutFunction {
  return { name: fn.displayName, span: fn.resource.idSpan, source: setting.source };
}

/**
 * Words that say where an inherited setting comes from, for text about one function outside a rule's own
 * message (a related location): " (set in Globals, inherited by 'Api')".
 */
export function inheritedBy(fn: FunctionView, setting: Pick<Setting<unknown>, 'source'>): string {
  return whereWords([about(fn, setting)]);
}

/** The subject of a function's message: "Function 'Api'". */
export function subject(fn: FunctionView): string {
  return `Function '${fn.displayName}'`;
}
