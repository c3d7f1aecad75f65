import type { Template } from '../model/template';
import type { ReviewedChangeSet } from './change-set';
import type { DeployOutcome } from './deploy';
import { noChangesSentence, placeOf, reviewOf } from './review';
import type { StackEventRow } from './stack-events';

/**
 * The change set as a table to review, from the same rows as the editor's review panel: action, logical ID, type,
 * physical ID, replacement, place in the template and what a modification changes, under the summary line.
 */
export function changeSetTable(changeSet: ReviewedChangeSet, template: Template): string[] {
  const review = reviewOf(changeSet, template);
  const header = ['Action', 'Logical ID', 'Type', 'Physical ID', 'Replacement', 'Template', 'Changes'];
  const rows = review.rows.map((r) => [
    r.action,
    r.logicalId,
    r.resourceType,
    r.physicalId,
    r.replacement,
    r.place,
    r.changes,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [`${review.title}: ${review.summary}`, line(header), ...rows.map(line)];
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
      return [noChangesSentence(stackName, template)];
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
