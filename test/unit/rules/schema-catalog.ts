import * as fs from 'fs';
import * as path from 'path';
import { SchemaCatalog } from '../../../src/core/schema/catalog';

/** The catalog over the repository's own data/, shared by the rule tests (each file is read once). */
export const SCHEMAS = new SchemaCatalog((name) =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../data', `${name}.json`), 'utf8')),
);
