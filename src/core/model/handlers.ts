/**
 * Where a function's handler lives, as Lambda's runtimes read the `Handler` string (Lambda developer guide,
 * "Define Lambda function handler" for each runtime):
 * Node.js splits the file name at its first dot (`src/app.handler` → module `src/app`, export `handler`,
 * nested exports allowed); Python splits at the last dot and accepts `.` or `/` between packages.
 */
export function handlerModulePath(runtime: string, handler: string): { module: string; exportName: string } {
  if (runtime.startsWith('python')) {
    const dot = handler.lastIndexOf('.');
    return {
      module: handler.slice(0, dot < 0 ? handler.length : dot).replace(/\./g, '/'),
      exportName: dot < 0 ? '' : handler.slice(dot + 1),
    };
  }
  const slash = handler.lastIndexOf('/');
  const dir = handler.slice(0, slash + 1);
  const base = handler.slice(slash + 1);
  const dot = base.indexOf('.');
  const exportPath = dot < 0 ? '' : base.slice(dot + 1);
  return { module: dir + (dot < 0 ? base : base.slice(0, dot)), exportName: exportPath.split('.')[0] };
}
