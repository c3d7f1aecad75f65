// The guardrails that keep the architecture's shape (ARCHITECTURE.md, "Invariants") without anyone remembering it.
// Run by `npm run lint`, which `npm test` runs first.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const NODE_IO = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'dgram', 'tls', 'worker_threads'];
const nodeIo = NODE_IO.flatMap((name) => [name, `node:${name}`]);
const NODE_BUILTINS = [...NODE_IO, 'path', 'os', 'crypto', 'url', 'util', 'stream', 'events', 'zlib', 'vm', 'v8', 'module'];

const vscodeBan = { name: 'vscode', message: 'src/core does not know about the editor: put editor code in src/vscode.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', 'test-results/**', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The core does no I/O of its own, except the modules whose job is I/O: running code (invoke) and the one file reader.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/invoke/**', 'src/core/load/node-files.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeBan, ...nodeIo.map((name) => ({ name, message: 'src/core does no I/O: take a reader as a parameter (see src/core/load/node-files.ts).' }))],
      }],
    },
  },
  {
    files: ['src/core/invoke/**/*.ts', 'src/core/load/node-files.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeBan] }] },
  },
  {
    // Code that runs in the webview's browser: no Node module can load there.
    files: ['src/webview/graph/**/*.ts', 'src/webview/charts/**/*.ts', 'src/webview/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeBan, ...NODE_BUILTINS.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: 'Webview code runs in a browser.' }))],
      }],
    },
  },
);
