// The change set review page: a summary line, a table with one row per change (action, logical ID as a link to
// its range in the template, type, physical ID, replacement, what changes) and Deploy / Cancel. Nothing is
// deployed until Deploy is pressed; Escape cancels. Runs in the webview (or a plain browser page in tests).
import { element } from '../browser/element';
import { pageData } from '../browser/page-data';
import type { FromReviewPage, ReviewPageData, ToReviewPage } from './protocol';
import './review.css';

interface VsCodeApi {
  postMessage(message: FromReviewPage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const post = (message: FromReviewPage) => vscode?.postMessage(message);

const { review, subtitle } = pageData<ReviewPageData>();
const COLUMNS = ['Action', 'Logical ID', 'Type', 'Physical ID', 'Replacement', 'Changes'];

function changesTable(): HTMLTableElement {
  const table = element('table', { class: 'changes' });
  const head = element('tr');
  for (const column of COLUMNS) head.append(element('th', { scope: 'col' }, column));
  table.append(element('thead'), element('tbody'));
  table.tHead!.append(head);
  review.rows.forEach((row, index) => {
    const tr = element('tr', { class: `action-${row.action.toLowerCase()}` });
    tr.append(element('td', { class: 'action' }, row.action));
    const id = element('td', { class: 'logical-id' });
    if (row.span) {
      const link = element('a', {
        href: '#',
        id: `reveal-${index}`,
        title: `Show ${row.logicalId} in the template (${row.place})`,
      });
      link.textContent = row.logicalId;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        post({ type: 'reveal', index });
      });
      id.append(link);
    } else id.append(element('span', { class: 'id' }, row.logicalId));
    id.append(element('div', { class: 'place' }, row.place));
    tr.append(
      id,
      element('td', { class: 'type' }, row.resourceType),
      element('td', { class: 'physical' }, row.physicalId),
    );
    const replacement = element('td', { class: `replacement replacement-${row.replacement.toLowerCase()}` });
    replacement.textContent = row.replacement === 'True' ? '⚠ True' : row.replacement;
    tr.append(replacement, element('td', { class: 'details' }, row.changes));
    table.tBodies[0].append(tr);
  });
  return table;
}

const buttons = element('div', { class: 'buttons' });
const status = element('p', { class: 'status', role: 'status' });

function button(id: string, label: string, primary: boolean, message: FromReviewPage): HTMLButtonElement {
  const b = element('button', { id, class: primary ? 'primary' : 'secondary' }, label);
  b.addEventListener('click', () => {
    if (message.type === 'deploy') {
      buttons.replaceChildren();
      status.textContent = 'Deploying…';
    }
    post(message);
  });
  return b;
}

function offerClose(): void {
  const close = button('close', 'Close', true, { type: 'close' });
  buttons.replaceChildren(close);
  close.focus();
}

const empty = review.rows.length === 0;
document.body.append(
  element('h1', {}, review.title),
  element('p', { class: 'subtitle' }, subtitle),
  element('p', { class: 'summary' }, review.summary),
  ...(empty ? [] : [changesTable()]),
  status,
  buttons,
);
if (empty) offerClose();
else {
  const deploy = button('deploy', 'Deploy', true, { type: 'deploy' });
  buttons.append(deploy, button('cancel', 'Cancel', false, { type: 'cancel' }));
  deploy.focus();
}
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (buttons.querySelector('#cancel')) post({ type: 'cancel' });
  else if (buttons.querySelector('#close')) post({ type: 'close' });
});

window.addEventListener('message', (event: MessageEvent<ToReviewPage>) => {
  if (event.data?.type !== 'status') return;
  status.textContent = event.data.text;
  status.classList.toggle('error', Boolean(event.data.error));
  if (event.data.final) offerClose();
});

const shownRows = Array.from(document.querySelectorAll('table.changes tbody tr'), (tr) =>
  Array.from((tr as HTMLTableRowElement).cells, (cell) => cell.innerText),
);
post({ type: 'shown', rows: shownRows });
