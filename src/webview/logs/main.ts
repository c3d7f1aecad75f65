// The log view's page script: lines as they arrive, coloured by level, JSON indented, a filter box.
// Runs in the webview (or a plain browser page in tests); the extension sends lines as messages.
import type { LogLine } from '../../core/cloud';
import { pageData } from '../browser/page-data';
import type { FromLogPage, LogPageData, ToLogPage } from './protocol';
import './logs.css';

/** Lines kept on the page: the oldest go first, so a tail left open for hours stays responsive. */
const MAX_LINES = 10_000;
/** Pixels from the bottom within which the page keeps following new lines. */
const FOLLOW_SLACK_PX = 40;

const data = pageData<LogPageData>();
const header = document.createElement('header');
const title = document.createElement('h1');
title.textContent = data.title;
header.append(title);
for (const line of data.source) {
  const p = document.createElement('div');
  p.className = 'source';
  p.textContent = line;
  header.append(p);
}
const status = document.createElement('div');
status.className = 'status';
const filter = document.createElement('input');
filter.className = 'filter';
filter.placeholder = 'Filter lines (text, case-insensitive)';
filter.setAttribute('aria-label', 'Filter log lines');
header.append(status, filter);
const list = document.createElement('ol');
list.className = 'lines';
document.body.append(header, list);

const matches = (li: HTMLElement) => li.textContent!.toLowerCase().includes(filter.value.toLowerCase());
filter.addEventListener('input', () => {
  for (const li of Array.from(list.children) as HTMLElement[]) li.classList.toggle('hidden', !matches(li));
});

function lineElement(line: LogLine): HTMLLIElement {
  const li = document.createElement('li');
  if (line.level) li.className = `level-${line.level}`;
  const time = document.createElement('span');
  time.className = 'time';
  time.textContent = new Date(line.timestamp).toISOString().slice(11, 23);
  li.append(time);
  if (line.json) {
    li.append(line.text.slice(0, line.jsonStart));
    const pre = document.createElement('pre');
    pre.className = 'json';
    pre.textContent = line.json;
    li.append(pre);
  } else {
    li.append(line.text);
  }
  if (!matches(li)) li.classList.add('hidden');
  return li;
}

interface VsCodeApi {
  postMessage(message: FromLogPage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

function append(lines: readonly LogLine[]): void {
  const following = window.innerHeight + window.scrollY >= document.body.scrollHeight - FOLLOW_SLACK_PX;
  for (const line of lines) list.append(lineElement(line));
  while (list.children.length > MAX_LINES) list.firstElementChild!.remove();
  if (following) window.scrollTo(0, document.body.scrollHeight);
}

append(data.lines ?? []);
window.addEventListener('message', (event: MessageEvent<ToLogPage>) => {
  const message = event.data;
  if (message.type === 'status') {
    status.textContent = message.text;
    status.classList.toggle('error', Boolean(message.error));
    return;
  }
  append(message.lines);
});
if (typeof acquireVsCodeApi === 'function') acquireVsCodeApi().postMessage({ type: 'ready' });
