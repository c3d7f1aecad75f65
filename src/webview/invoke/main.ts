// The invoke result webview: one panel for every invocation, the newest shown, a dropdown of the recent ones,
// the response pretty-printed with Copy and Save as Event, and the log line by line with its levels coloured.
import { element } from '../browser/element';
import { pageData } from '../browser/page-data';
import { logLines } from './log-lines';
import type { FromResultView, InvocationEntry, ResultPayload, ToResultView } from './protocol';
import './invoke.css';

interface VsCodeApi {
  postMessage(message: FromResultView): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

let payload = pageData<ResultPayload>();

function historyLabel(e: InvocationEntry): string {
  const time = new Date(e.at).toLocaleTimeString();
  return `${e.error ? '✗' : '✓'} ${time} · ${e.function} · ${e.mode}`;
}

function render(): void {
  const entry = payload.entries.find((e) => e.id === payload.shown) ?? payload.entries[0];
  if (!entry) {
    document.body.replaceChildren(element('p', { class: 'empty' }, 'No invocations yet.'));
    return;
  }
  const header = element('header');
  const history = element('select', { 'aria-label': 'Recent invocations', id: 'history' });
  for (const e of payload.entries) {
    const option = element('option', { value: e.id }, historyLabel(e));
    option.selected = e.id === entry.id;
    history.append(option);
  }
  history.addEventListener('change', () => {
    payload = { ...payload, shown: history.value };
    vscode?.postMessage({ type: 'select', id: history.value });
    render();
  });
  const copy = element('button', { id: 'copy', title: 'Copy the response' }, 'Copy');
  copy.addEventListener('click', () => vscode?.postMessage({ type: 'copy', id: entry.id }));
  const save = element('button', { id: 'save-event', title: 'Save the response as a sample event' }, 'Save as Event');
  save.addEventListener('click', () => vscode?.postMessage({ type: 'saveAsEvent', id: entry.id }));
  header.append(element('h1', {}, entry.function), history, copy, save);

  const status = element('p', { class: entry.error ? 'status failed' : 'status succeeded' });
  status.textContent = entry.error ? `✗ ${entry.error}` : '✓ succeeded';
  const summary = element('p', { class: 'summary' }, entry.summary);

  const response = element('section', { class: 'response' });
  response.append(
    element('h2', {}, 'Response'),
    element('pre', { class: entry.responseIsJson ? 'json' : 'text' }, entry.response),
  );

  const logs = element('section', { class: 'logs' });
  const list = element('ol', { class: 'log-lines' });
  for (const line of logLines(entry.logs)) {
    list.append(element('li', { class: `level-${line.level}${line.json ? ' json' : ''}` }, line.text));
  }
  logs.append(element('h2', {}, 'Log'), list);
  document.body.replaceChildren(header, status, summary, response, logs);
}

window.addEventListener('message', (event: MessageEvent<ToResultView>) => {
  if (event.data?.type === 'results') {
    payload = event.data.payload;
    render();
  }
});
render();
