// Writes schemas/usage.schema.json from the engine's usage keys (src/core/cost/kinds.ts).
import { createRequire } from 'module';
import { writeFileSync } from 'fs';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { usageSchema } = require('../src/core/cost/usage-schema.ts');
writeFileSync(new URL('../schemas/usage.schema.json', import.meta.url), `${JSON.stringify(usageSchema(), null, 2)}\n`);
