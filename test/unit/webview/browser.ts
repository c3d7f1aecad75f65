/// <reference lib="dom" />
// (functions passed to page.evaluate run in the page, with the DOM)
// Webview pages on their own in headless Chromium: a loopback server gives them their bundles as the editor
// would (same CSP), every request that would leave the machine is refused and recorded, and a stand-in for
// the webview API records what the page posts to the extension.
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { webviewHtml } from '../../../src/webview/page';
import type { Theme } from './themes';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/** Pictures are rewritten under docs/images only when asked, so a test run leaves the checkout as it was. */
export const IMAGES_DIR = process.env.SWB_UPDATE_IMAGES
  ? path.join(REPO_ROOT, 'docs', 'images')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'swb-images-'));

export interface PageHost {
  readonly origin: string;
  /** Opens the page of `bundle` with `data`, in `theme`; `posted` fills with what the page sends to the extension. */
  open(bundle: string, data: unknown, theme: Theme, viewport?: { width: number; height: number }): Promise<OpenedPage>;
  /** Opens a page whose HTML the caller made (scripts and styles from `origin`). */
  openHtml(html: string, theme: Theme, viewport?: { width: number; height: number }): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenedPage {
  readonly page: Page;
  readonly html: string;
  /** What the page has posted to the extension so far. */
  posted(): Promise<unknown[]>;
  /** Requests refused because they were not for the loopback server. */
  readonly leaks: string[];
  readonly errors: string[];
}

/**
 * A suite's page host: started before its tests and closed after them. Without Chromium the suite is skipped with
 * a line saying what to install.
 */
export function usePageHost(): { readonly host: PageHost } {
  let started: PageHost | undefined;
  before(async function () {
    if (!hasChromium) {
      console.log(`      skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROME_PATH)`);
      this.skip();
    }
    started = await startPageHost();
  });
  after(async () => started?.close());
  return {
    get host(): PageHost {
      if (!started) throw new Error('the page host starts before the suite’s tests');
      return started;
    },
  };
}

export async function startPageHost(): Promise<PageHost> {
  const bundles = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-webviews-'));
  const { buildWebviews } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'webviews.mjs')).href);
  await buildWebviews({ outdir: bundles });
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0].slice(1);
    const page = pages.get(name);
    const file = path.join(bundles, path.basename(name));
    if (page !== undefined) response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (fs.existsSync(file))
      response
        .writeHead(200, { 'content-type': name.endsWith('.css') ? 'text/css' : 'text/javascript' })
        .end(fs.readFileSync(file));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const { CHROMIUM_ARGS } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'test-host', 'host.mjs')).href);
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let count = 0;

  const openHtml = async (html: string, theme: Theme, viewport = { width: 1100, height: 640 }): Promise<OpenedPage> => {
    const name = `page-${++count}.html`;
    pages.set(name, html);
    const page = await browser.newPage({ viewport });
    const leaks: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
      leaks.push(url);
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((t: Theme) => {
      const posted: unknown[] = [];
      let state: unknown;
      Object.assign(window, {
        __posted: posted,
        acquireVsCodeApi: () => ({
          postMessage: (m: unknown) => posted.push(m),
          getState: () => state,
          setState: (s: unknown) => {
            state = s;
          },
        }),
      });
      // VS Code sets the theme's variables before the page's script runs, and its class on <body>.
      new MutationObserver((_, observer) => {
        if (!document.documentElement) return;
        observer.disconnect();
        for (const [k, v] of Object.entries(t.variables)) document.documentElement.style.setProperty(k, v);
      }).observe(document, { childList: true });
      document.addEventListener('DOMContentLoaded', () => document.body.classList.add(t.bodyClass));
    }, theme);
    await page.goto(`${origin}/${name}`);
    const posted = (): Promise<unknown[]> =>
      page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
    return { page, html, leaks, errors, posted };
  };

  return {
    origin,
    openHtml,
    open: (bundle, data, theme, viewport) =>
      openHtml(
        webviewHtml({
          title: bundle,
          cspSource: origin,
          scriptUri: `${origin}/${bundle}.js`,
          styleUri: `${origin}/${bundle}.css`,
          data,
        }),
        theme,
        viewport,
      ),
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(bundles, { recursive: true, force: true });
    },
  };
}
