import * as fs from 'fs';
import * as path from 'path';
import { SchemaCatalog } from '../core/schema/catalog';

/**
 * The package's `data/` folder: beside `dist/` when installed (dist/cli.js), two levels up when run from
 * the sources (src/cli/*.ts under the tests). The first folder up from here that holds the resource index.
 */
function dataFolder(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'cfn-resource-types.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The catalog over the package's data, read on first use; undefined (rules needing it stay silent) when absent. */
export function cliSchemaCatalog(): SchemaCatalog | undefined {
  const folder = dataFolder();
  return folder ? new SchemaCatalog((name) => JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8'))) : undefined;
}
