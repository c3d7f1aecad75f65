// Regenerates docs/rules.md from the rules' documentation (src/core/rules/*.ts): `node scripts/update-rules-doc.mjs`.
// test/unit/rules/docs.test.ts fails when the file is out of date.
import { createRequire } from 'module';
import { readFileSync, writeFileSync } from 'fs';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { rulesMarkdown } = require('../src/core/rules/docs.ts');
writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown(readFileSync(new URL('../docs/rules-permissions.md', import.meta.url), 'utf8')));
console.log('docs/rules.md updated');
