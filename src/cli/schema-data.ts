import * as fs from 'fs';
import * as path from 'path';
import { SchemaCatalog } from '../core/schema/catalog';

/**
 * The package's `data/` folder: beside `dist/` when run as the bundled `dist/cli.js` (bin/serverless-workbench.js),
 * two levels up when run from `src/cli` (the tests).
 */
const DATA_FOLDERS = [path.resolve(__dirname, '..', 'data'), path.resolve(__dirname, '..', '..', 'data')];

/** The file whose presence marks the folder that holds the validation schemas (the index of CloudFormation's). */
const MARKER = path.join('cfn-schemas', 'namespaces.json');

/**
 * The schema catalog over the installed package's data, read on the first validation; undefined when the package
 * carries no validation schemas, so the schema rules stay silent instead of failing on every template.
 */
export function cliSchemaCatalog(): SchemaCatalog | undefined {
  const folder = DATA_FOLDERS.find((dir) => fs.existsSync(path.join(dir, MARKER)));
  if (!folder) return undefined;
  return new SchemaCatalog((name) => JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8')));
}
