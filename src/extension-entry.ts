import * as path from 'path';
import { aWhileAfterLoading, requireWithCodeCache } from './code-cache';
import type * as extension from './extension';

/**
 * The extension's entry (dist/extension.js, package.json `main`): it requires the extension itself
 * (dist/extension-bundle.js, from src/extension.ts) through V8's code cache. Without it, every window parsed the
 * bundle and compiled each function activation calls again, most of the activation time left once the bundle's
 * top level was light (`npm run bench editor`).
 */
const bundle = requireWithCodeCache(
  path.join(__dirname, 'extension-bundle.js'),
  aWhileAfterLoading,
) as typeof extension;

export const activate = bundle.activate;
export const deactivate = bundle.deactivate;
