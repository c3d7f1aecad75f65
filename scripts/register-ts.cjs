// Lets mocha run the TypeScript tests directly: esbuild transpiles each file on require
// (type checking is `npm run typecheck`'s job, so tests start in milliseconds).
const { transformSync } = require('esbuild');
const fs = require('fs');
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
