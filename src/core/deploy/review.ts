import * as path from 'path';
import type { Span } from '../model/nodes';
import type { Template } from '../model/template';
import type { ChangeDetail, ChangeRow, ReviewedChangeSet } from './change-set';
import type { ChangeSetReview, Replacement, ReviewCounts, ReviewRow } from './review-view';

/** How each `RequiresRecreation` reads beside a changed property; `Never` says nothing. */
const RECREATION_WORDS: Readonly<Record<string, string>> = {
  Always: 'requires recreation',
  Conditionally: 'may require recreation',
};
/** Strongest first: a property changed by several sources shows the strongest recreation any of them needs. */
const RECREATION_ORDER = ['Always', 'Conditionally', 'Never'];

/** A removed resource that is no longer written, so there is no range to show. */
export const NOT_IN_TEMPLATE = 'not in the template';
/** Any other change whose logical ID the model does not know (a resource the SAM transform names otherwise). */
export const NOT_FOUND_IN_TEMPLATE = 'not found in the template';

export function reviewTitle(stackName: string): string {
  return `Review Change Set — ${stackName}`;
}

/** The reviewed change set as rows with their places, and its summary line. */
export function reviewOf(changeSet: ReviewedChangeSet, template: Template): ChangeSetReview {
  const rows = changeSet.rows.map((row) => reviewRow(row, template));
  const counts: ReviewCounts = {
    add: rows.filter((r) => r.action === 'Add').length,
    modify: rows.filter((r) => r.action === 'Modify').length,
    remove: rows.filter((r) => r.action === 'Remove').length,
    replacements: rows.filter((r) => r.replacement === 'True').length,
    conditional: rows.filter((r) => r.replacement === 'Conditional').length,
  };
  const others = rows.length - counts.add - counts.modify - counts.remove;
  const summary =
    rows.length === 0
      ? noChangesSentence(changeSet.stackName, template)
      : [
          `${counts.add} to add`,
          `${counts.modify} to modify`,
          `${counts.remove} to remove`,
          plural(counts.replacements, 'replacement'),
          ...(counts.conditional > 0 ? [plural(counts.conditional, 'conditional replacement')] : []),
          ...(others > 0 ? [`${others} other`] : []),
        ].join(', ') + (changeSet.mode === 'CREATE' ? ' (new stack)' : '');
  return { stackName: changeSet.stackName, title: reviewTitle(changeSet.stackName), summary, counts, rows };
}

/** The review of a change set CloudFormation found nothing in: no rows, and a summary that says so. */
export function noChangesReview(stackName: string, template: Template): ChangeSetReview {
  return reviewOf({ stackName, changeSetId: '', mode: 'UPDATE', rows: [] }, template);
}

export function noChangesSentence(stackName: string, template: Template): string {
  return `No changes: stack ${stackName} is already up to date with ${path.basename(template.fileName)}.`;
}

/** `template.yaml:27:5`: where a resource is, as editors and terminals make it a link (1-based line and column). */
export function placeOf(template: Template, span: Span | undefined): string {
  if (!span) return '';
  const { line, character } = template.lines.positionAt(span.start);
  return `${path.basename(template.fileName)}:${line + 1}:${character + 1}`;
}

function reviewRow(row: ChangeRow, template: Template): ReviewRow {
  const modified = row.action === 'Modify';
  return {
    action: row.action,
    logicalId: row.logicalId,
    resourceType: row.resourceType,
    physicalId: row.physicalId ?? '',
    replacement: modified ? replacementOf(row.replacement) : '',
    changes: modified ? changesText(row.scope, row.details) : '',
    place: row.span ? placeOf(template, row.span) : row.action === 'Remove' ? NOT_IN_TEMPLATE : NOT_FOUND_IN_TEMPLATE,
    ...(row.span ? { span: row.span } : {}),
  };
}

/** CloudFormation leaves Replacement out only where it does not apply; a modification without it is not replaced. */
function replacementOf(value: string | undefined): Replacement {
  return value === 'True' || value === 'Conditional' ? value : 'False';
}

/** Changed properties by attribute, each with the strongest recreation it needs; the scope when no details came. */
function changesText(scope: readonly string[], details: readonly ChangeDetail[]): string {
  const byAttribute = new Map<string, Map<string, string>>();
  for (const attribute of scope) byAttribute.set(attribute, new Map());
  for (const detail of details) {
    const names = byAttribute.get(detail.attribute) ?? new Map<string, string>();
    byAttribute.set(detail.attribute, names);
    if (!detail.name) continue;
    const seen = names.get(detail.name);
    const recreation = detail.requiresRecreation ?? 'Never';
    if (seen === undefined || RECREATION_ORDER.indexOf(recreation) < RECREATION_ORDER.indexOf(seen))
      names.set(detail.name, recreation);
  }
  return [...byAttribute]
    .map(([attribute, names]) => {
      const listed = [...names].map(([name, recreation]) =>
        RECREATION_WORDS[recreation] ? `${name} (${RECREATION_WORDS[recreation]})` : name,
      );
      return listed.length > 0 ? `${attribute}: ${listed.join(', ')}` : attribute;
    })
    .join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
