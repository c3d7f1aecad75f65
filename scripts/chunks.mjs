// The extension's chunks: what the editor requires on first use, each through one accessor in src/vscode, built beside
// dist/extension-bundle.js by scripts/build.mjs. Each entry: the import the accessor requires (which an import in
// src/vscode would load at activation: eslint.config.mjs forbids it) and the file beside the bundle it becomes.

/** Bundles of their own: each carries a copy of every module it uses, as the command line's bundles do. */
export const FEATURE_CHUNKS = [
  [/core\/permissions$/, './permissions.js'],
  [/core\/invoke$/, './invoke.js'], // src/vscode/invoke/core.ts loads it on the first invocation
  [/core\/rules$/, './rules.js'], // src/vscode/rules-engine.ts loads it at the first analysis
  [/core\/cost$/, './cost.js'], // src/vscode/cost-core.ts loads it at the first estimate
  [/core\/init$/, './init.js'], // src/vscode/new-project.ts loads it when a project is made
  [/core\/deploy$/, './deploy.js'], // src/vscode/deploy/core.ts loads it on the first deploy or sync
  [/core\/cloud$/, './cloud.js'], // src/vscode/cloud/core.ts loads it at the first look at the deployed stack
];

/**
 * Chunks that take every module of ours the main bundle holds from the main bundle rather than carrying a copy
 * (scripts/build.mjs `fromMainBundle`), so they hold only their own code and a module-level cache or accessor state
 * (the model's key indexes by map node, `invokeCore`'s loaded invoker) keeps one owner. The third item is the entry.
 */
export const SHARING_CHUNKS = [
  // src/vscode/language-features.ts loads it at the first completion, hover, symbol or navigation request
  [/core\/language-features$/, './language-features.js', 'src/core/language-features.ts'],
  // src/vscode/invoke/index.ts loads it at the first invoke command
  [/\/invoke-session$/, './invoke-session.js', 'src/vscode/invoke/invoke-session.ts'],
  // src/vscode/graph-view.ts loads it when the first architecture graph opens
  [/\/graph-panel$/, './graph-panel.js', 'src/vscode/graph-panel.ts'],
];
