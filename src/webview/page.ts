// The HTML shell of our scripted webviews, shared by the editor (webview URIs) and the browser tests (a
// loopback server): one stylesheet and one script from the extension's own files, the data inline as JSON.
// Nothing else may load: the Content-Security-Policy allows only those files, the nonce'd script and data: images.
import { randomBytes } from 'crypto';
import { jsonForScript } from './json-in-html';
import { DATA_ELEMENT_ID } from './page-data';

export interface WebviewPage {
  readonly title: string;
  /** Where the page may load its script and stylesheet from (`webview.cspSource`, or the test server's origin). */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** What the script renders first; later changes arrive as messages. */
  readonly data: unknown;
  /** A fresh nonce per page; tests pass none. */
  readonly nonce?: string;
}

export function webviewHtml(page: WebviewPage): string {
  const nonce = page.nonce ?? randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${page.cspSource} data:`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(page.title)}</title>
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
</head><body>
<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(page.data)}</script>
<script nonce="${nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body></html>`;
}

const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeAttribute = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
