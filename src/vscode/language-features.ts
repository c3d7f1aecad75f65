// Completion, hover and navigation are required at their first request, not at activation; the build makes them a
// chunk beside extension.js that takes the model from the main bundle (scripts/chunks.mjs, SHARING_CHUNKS), which
// keeps the main bundle small. Types come from it freely.
export type LanguageFeatures = typeof import('../core/language-features');

let loaded: LanguageFeatures | undefined;

export function languageFeatures(): LanguageFeatures {
  // A lazily required chunk (scripts/chunks.mjs): an import would put these features in the activation bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../core/language-features') as LanguageFeatures;
  return loaded;
}
