// The guardrails that keep the architecture's shape (ARCHITECTURE.md, "Invariants") without anyone remembering it.
// Run by `npm run lint`, which `npm test` runs first.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { FEATURE_CHUNKS, SHARING_CHUNKS } from './scripts/chunks.mjs';

const NODE_IO = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'dgram', 'tls', 'worker_threads'];
const nodeIo = NODE_IO.flatMap((name) => [name, `node:${name}`]);
const NODE_BUILTINS = [
  ...NODE_IO,
  'path',
  'os',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'zlib',
  'vm',
  'v8',
  'module',
];

const vscodeBan = {
  name: 'vscode',
  message: 'src/core does not know about the editor: put editor code in src/vscode.',
};

/**
 * Which layer may import which (ARCHITECTURE.md, "Layers"): each entry is a relative import into another layer's
 * folder (`../../vscode/diagnostics`, `../webview/page`, `../cli/io`, `../extension`).
 */
const layering = (layers, message) => ({ regex: `^\\.\\./(.*/)?(${layers.join('|')})(/|$)`, message });
const CORE_LAYERING = layering(
  ['vscode', 'webview', 'cli', 'extension'],
  'src/core is shared by the editor, the terminal and the pages: it imports none of them (data flows core → adapters).',
);
const CLI_LAYERING = layering(
  ['vscode', 'webview', 'extension'],
  'src/cli adapts src/core to a terminal: it imports only the core.',
);
const WEBVIEW_LAYERING = layering(
  ['vscode', 'cli', 'extension'],
  'Pages talk to their editor adapter only through the messages of their protocol.ts.',
);

/** The same boundaries for `import()` and `require()`, which no-restricted-imports does not look at. */
const dynamicImports = ({ regex, message }) => {
  const pattern = `/${regex.replace(/\//g, '\\/')}/`;
  return [
    { selector: `ImportExpression[source.value=${pattern}]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=${pattern}]`, message },
  ];
};

/** Page HTML lives in src/webview (page.ts, breakdown-page.ts): the core hands pages data, never markup. */
const PAGE_MARKUP = '/<html|<!DOCTYPE|<head>|<style|<script|Content-Security-Policy/';
const PAGE_MARKUP_MESSAGE =
  'src/core builds no web page: return the data and make the page in src/webview (see src/webview/page.ts).';
const noPageMarkup = [
  { selector: `Literal[value=${PAGE_MARKUP}]`, message: PAGE_MARKUP_MESSAGE },
  { selector: `TemplateElement[value.raw=${PAGE_MARKUP}]`, message: PAGE_MARKUP_MESSAGE },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.vscode-test/**',
      'out/**',
      'test-results/**',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.js',
    ],
  },
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
      // Prettier wraps code at 120 columns; long strings and template literals are split into concatenated pieces by
      // hand, comments are wrapped by hand, and only what cannot be cut (a URL, a regular expression) is let be.
      'max-len': ['error', { code: 120, ignoreRegExpLiterals: true, ignoreUrls: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Fixtures are inputs to the tests, kept as the code they stand for is written.
    files: ['test/fixtures/**/*.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...dynamicImports(CORE_LAYERING), ...noPageMarkup] },
  },
  {
    // The core does no I/O of its own, except the modules whose job is I/O: running code (invoke), the one file reader,
    // and talking to AWS (deploy: packaging, uploading, building with esbuild and pip; aws: the SDK's loader).
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/invoke/**', 'src/core/load/node-files.ts', 'src/core/deploy/**', 'src/core/aws/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            vscodeBan,
            ...nodeIo.map((name) => ({
              name,
              message: 'src/core does no I/O: take a reader as a parameter (see src/core/load/node-files.ts).',
            })),
          ],
          patterns: [CORE_LAYERING],
        },
      ],
    },
  },
  {
    files: [
      'src/core/invoke/**/*.ts',
      'src/core/load/node-files.ts',
      'src/core/deploy/**/*.ts',
      'src/core/aws/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeBan], patterns: [CORE_LAYERING] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: CLI_LAYERING.message }], patterns: [CLI_LAYERING] },
      ],
      'no-restricted-syntax': ['error', ...dynamicImports(CLI_LAYERING)],
    },
  },
  {
    // Pages made in Node (page.ts, breakdown-page.ts, graph-payload.ts), shared by the editor and the browser tests.
    files: ['src/webview/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: WEBVIEW_LAYERING.message }], patterns: [WEBVIEW_LAYERING] },
      ],
      'no-restricted-syntax': ['error', ...dynamicImports(WEBVIEW_LAYERING)],
    },
  },
  {
    // Code that runs in the webview's browser: no Node module can load there.
    files: [
      'src/webview/graph/**/*.ts',
      'src/webview/charts/**/*.ts',
      'src/webview/logs/**/*.ts',
      'src/webview/review/**/*.ts',
      'src/webview/browser/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            vscodeBan,
            ...NODE_BUILTINS.flatMap((name) => [name, `node:${name}`]).map((name) => ({
              name,
              message: 'Webview code runs in a browser.',
            })),
          ],
          patterns: [WEBVIEW_LAYERING],
        },
      ],
      'no-restricted-syntax': ['error', ...dynamicImports(WEBVIEW_LAYERING)],
    },
  },
  {
    // Activation loads every module src/vscode imports: a chunk's entry (scripts/chunks.mjs) is required through its
    // accessor on first use, and an import of it would load it at activation. Types may come from anywhere.
    files: ['src/vscode/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+core/?$',
              allowTypeImports: true,
              message:
                "The core's index re-exports every feature, which can keep one in the activation bundle: import the value from its module.",
            },
            {
              regex: [...FEATURE_CHUNKS, ...SHARING_CHUNKS].map(([specifier]) => specifier.source).join('|'),
              allowTypeImports: true,
              message: 'A chunk loaded on first use (scripts/chunks.mjs): reach it through its accessor in src/vscode.',
            },
          ],
        },
      ],
    },
  },
  {
    // Settings are read through SETTINGS (src/vscode/settings.generated.ts, generated from package.json), which carries
    // each one's name, type and default: a string name here would repeat them and drift.
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    ignores: ['src/vscode/settings.ts', 'src/vscode/settings.generated.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name='getConfiguration'] > Literal.arguments[value='serverlessWorkbench']",
          "CallExpression[callee.property.name='getConfiguration'] > Identifier.arguments[name='SECTION']",
          'CallExpression[callee.property.name=/^(get|inspect|update|affectsConfiguration)$/] > Literal.arguments[value=/^serverlessWorkbench\\.[\\w.]+$/]',
        ].map((selector) => ({
          selector,
          message: 'Read and name our settings through SETTINGS (src/vscode/settings.generated.ts).',
        })),
      ],
    },
  },
);
