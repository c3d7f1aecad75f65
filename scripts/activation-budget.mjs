// What the editor loads at activation, and how much of it there may be (issue 12): the entry (dist/extension.js) and
// the bundle it requires (dist/extension-bundle.js). The chunks beside them (scripts/build.mjs) load on first use.
// test/unit/activation-budget.test.ts fails past the limit after a build; `npm run bench model` shows the figure.
export const ACTIVATION_FILES = ['dist/extension.js', 'dist/extension-bundle.js'];
export const ACTIVATION_LIMIT_BYTES = 400_000;
