// Regenerates docs/rules.md from the rules' documentation (src/core/rules/*.ts): `node scripts/update-rules-doc.mjs`.
// test/unit/rules/docs.test.ts fails when the file is out of date.
import { createRequire } from 'module';
import { writeFileSync } from 'fs';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { rulesMarkdown } = require('../src/core/rules/docs.ts');
writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('docs/rules.md updated');
