// A module resolve hook (Node.js "Customization hooks", module.register) that gives ES module imports the
// NODE_PATH fallback CommonJS require has: a bare specifier not found from the importing file is looked up
// from each NODE_PATH folder in turn. Lambda's Node.js runtimes let ES module handlers import the runtime's
// AWS SDK this way; locally it is how they reach the runtime SDK cache. The function's own packages win.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let parents = [];

export function initialize(data) {
  // Resolving as if imported by a file inside a NODE_PATH folder searches that folder (Node.js looks in
  // ./node_modules, then ../node_modules, from the importing file).
  parents = data.nodePath.map((dir) => pathToFileURL(join(dir, '_')).href);
}

const isBare = (specifier) => !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !isBare(specifier)) throw error;
    for (const parentURL of parents) {
      try {
        return await nextResolve(specifier, { ...context, parentURL });
      } catch {
        // Not in this folder: the next one, then the original error.
      }
    }
    throw error;
  }
}
