import type { Span } from '../model/nodes';
import type { FunctionView, Setting, Template } from '../model/template';
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
 * `about` for a property read from the function's properties as SAM or the Serverless Framework merges them rather
 * than from a setting: inherited (from SAM `Globals`, or a serverless.yml's `provider`) when it is written outside
 * the function's own text.
 */
export function aboutProperty(template: Template, fn: FunctionView, span: Span): AboutFunction {
  const own = fn.resource.node?.span;
  const inherited = own !== undefined && (span.start < own.start || span.end > own.end);
  if (!inherited) return about(fn, { source: 'resource' });
  return about(fn, { source: template.kind === 'serverless' ? 'provider' : 'globals' });
}

/**
 * Words that say where an inherited setting comes from, for text about one function outside a rule's own
 * message (a related location): " (set in Globals, inherited by 'Api')".
 */
export function inheritedBy(fn: FunctionView, setting: Pick<Setting<unknown>, 'source'>): string {
  return whereWords([about(fn, setting)]);
}
