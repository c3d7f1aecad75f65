import * as path from 'path';
import { requireWithCodeCache } from './code-cache';
import type * as extension from './extension';

/**
 * Long enough after loading for activation and the first analysis of the open template to have compiled their
 * functions, which then come from the cache in the next window; short enough that a window opened briefly writes it.
 * The extension host is stopped rather than exited, so a write at exit would never happen.
 */
const CACHE_WRITE_DELAY_MS = 3000;

/**
 * The extension's entry (dist/extension.js, package.json `main`): it requires the extension itself
 * (dist/extension-bundle.js, from src/extension.ts) through V8's code cache. Without it, every window parsed the
 * bundle and compiled each function activation calls again, most of the activation time left once the bundle's
 * top level was light (`npm run bench editor`).
 */
const bundle = requireWithCodeCache(path.join(__dirname, 'extension-bundle.js'), (write) =>
  setTimeout(write, CACHE_WRITE_DELAY_MS).unref(),
) as typeof extension;

export const activate = bundle.activate;
export const deactivate = bundle.deactivate;
