// Lets the benchmark modules require the TypeScript core directly (transpiled on load by esbuild).
require('../scripts/register-ts.cjs');
module.exports = require('../src/core/index.ts');
