import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { cacheFileOf } from '../../src/code-cache';
import { EXTENSION_ID, eventually, workbench } from './workbench';

/** src/extension-entry.ts writes the cache 3 s after loading; the margin is for a busy machine. */
const CACHE_WRITTEN_WITHIN_MS = 20_000;

describe('activation through the code cache', () => {
  it('loads the extension through its entry and leaves a code cache for the next window', async function () {
    this.timeout(CACHE_WRITTEN_WITHIN_MS + 10_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(path.basename(extension.packageJSON.main), 'extension.js');
    const api = await workbench();
    assert.ok((await api.templates.all()).length > 0, 'the examples are listed: the bundle behind the entry runs');
    const bundle = path.join(extension.extensionPath, 'dist', 'extension-bundle.js');
    const cache = cacheFileOf(bundle, fs.readFileSync(bundle, 'utf8'));
    assert.ok(cache, 'this user has a private cache folder');
    await eventually(`${cache} to be written`, () => fs.existsSync(cache), CACHE_WRITTEN_WITHIN_MS);
    assert.ok(fs.statSync(cache).size > 0);
  });
});
