import * as fs from 'fs';
import * as path from 'path';
import { SchemaCatalog } from '../../../src/core/schema/catalog';

const DATA = path.resolve(__dirname, '../../../data');

/** The catalog over the shipped data files, read once for all tests. */
export const catalog = new SchemaCatalog((name) =>
  JSON.parse(fs.readFileSync(path.join(DATA, `${name}.json`), 'utf8')),
);
