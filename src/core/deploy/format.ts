import * as path from 'path';
import type { Span } from '../model/nodes';
import type { Template } from '../model/template';
import type { ReviewedChangeSet } from './change-set';
import type { DeployOutcome } from './deploy';
import type { StackEventRow } from './stack-events';

/** `template.yaml:27:5`: where a resource is, as editors and terminals make it a link (1-based line and column). */
export function placeOf(template: Template, span: Span | undefined): string {
  if (!span) return '';
  const { line, character } = template.lines.positionAt(span.start);
  return `${path.basename(template.fileName)}:${line + 1}:${character + 1}`;
}

/** The change set as a table to review: action, logical ID, type, replacement, place in the template. */
export function changeSetTable(changeSet: ReviewedChangeSet, template: Template): string[] {
  const header = ['Action', 'Logical ID', 'Type', 'Replacement', 'Template'];
  const rows = changeSet.rows.map((r) => [
    r.action,
    r.logicalId,
    r.resourceType,
    r.action === 'Modify' ? (r.replacement ?? 'False') : '',
    placeOf(template, r.span),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    `Change set for stack ${changeSet.stackName} (${changeSet.mode === 'CREATE' ? 'new stack' : 'update'}):`,
    line(header),
    ...rows.map(line),
  ];
}

export function eventLine(event: StackEventRow, template: Template): string {
  const place = placeOf(template, event.span);
  return [
    event.timestamp.slice(11, 19),
    event.status.padEnd(28),
    event.logicalId,
    event.resourceType,
    place,
    event.reason,
  ]
    .filter(Boolean)
    .join('  ');
}

/** What happened, in the words the CLI prints and the editor shows. */
export function outcomeLines(outcome: DeployOutcome, template: Template, stackName: string): string[] {
  switch (outcome.status) {
    case 'no-changes':
      return [`No changes: stack ${stackName} is already up to date with ${path.basename(template.fileName)}.`];
    case 'declined':
      return [`Not deployed: the change set was not confirmed and has been deleted.`];
    case 'deployed':
      return [`Deployed stack ${stackName}: ${outcome.stackStatus}.`];
    case 'failed': {
      const first = outcome.firstFailure;
      const cause = first
        ? ` First failure: ${first.logicalId} (${first.resourceType}) ${first.status}: ` +
          `${first.reason ?? 'no reason given'}` +
          `${first.span ? ` at ${placeOf(template, first.span)}` : ''}.`
        : '';
      return [`Deploy of ${stackName} failed: ${outcome.stackStatus}.${cause}`];
    }
    case 'error':
      return [
        `${outcome.message}${outcome.span ? ` (${placeOf(template, outcome.span)})` : ''}`,
        ...(outcome.problem?.action ? [outcome.problem.action] : []),
      ];
  }
}
