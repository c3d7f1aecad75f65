import type { FunctionView, Setting } from '../model/template';

/**
 * Words that say where an inherited setting comes from, so that a finding placed on a Globals or provider line
 * names the function it is about: " (in Globals, inherited by 'Api')".
 */
export function inheritedBy(fn: FunctionView, setting: Pick<Setting<unknown>, 'source'>): string {
  switch (setting.source) {
    case 'globals': return ` (set in Globals, inherited by '${fn.displayName}')`;
    case 'provider': return ` (set in provider, inherited by function '${fn.displayName}')`;
    case 'default': return ` (the default for '${fn.displayName}')`;
    default: return '';
  }
}

/** The subject of a function's message: "Function 'Api'". */
export function subject(fn: FunctionView): string {
  return `Function '${fn.displayName}'`;
}
