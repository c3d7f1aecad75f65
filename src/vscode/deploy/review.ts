import * as vscode from 'vscode';
import type { ChangeRow, ReviewedChangeSet } from '../../core/deploy';
import { revealSpan } from './problems';

const ACTION_ICONS: Readonly<Record<string, string>> = {
  Add: 'add',
  Modify: 'edit',
  Remove: 'trash',
  Import: 'cloud-download',
};

interface RowItem extends vscode.QuickPickItem {
  readonly row?: ChangeRow;
  readonly deploy?: boolean;
}

/**
 * The change set as a table to review before anything changes: one row per resource with its action, type and
 * whether it is replaced; choosing a row shows the resource in the template and keeps the review open. Only the
 * "Deploy" item executes; closing the list (Escape) deploys nothing.
 */
export function reviewChangeSet(changeSet: ReviewedChangeSet, templateUri: vscode.Uri): Promise<boolean> {
  const pick = vscode.window.createQuickPick<RowItem>();
  const replaced = changeSet.rows.filter((r) => r.replacement === 'True').length;
  pick.title = `Change set for ${changeSet.stackName} (${changeSet.mode === 'CREATE' ? 'new stack' : 'update'})`;
  pick.placeholder = 'Review the changes; choose a resource to see it in the template, or Deploy';
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.items = [
    {
      label: `$(cloud-upload) Deploy ${changeSet.rows.length} change(s) to ${changeSet.stackName}`,
      description: replaced > 0 ? `${replaced} resource(s) will be replaced` : '',
      deploy: true,
    },
    { label: 'Changes', kind: vscode.QuickPickItemKind.Separator },
    ...changeSet.rows.map((row) => ({
      label: `$(${ACTION_ICONS[row.action] ?? 'circle'}) ${row.action} ${row.logicalId}`,
      description: row.resourceType,
      detail:
        row.action === 'Modify'
          ? `Replacement: ${row.replacement ?? 'False'}${row.details.length ? ` — ${row.details.join(', ')}` : ''}`
          : row.physicalId,
      row,
    })),
  ];
  return new Promise((resolve) => {
    let decided = false;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (chosen?.deploy) {
        decided = true;
        resolve(true);
        pick.hide();
      } else if (chosen?.row?.span) void revealSpan(templateUri, chosen.row.span).then(() => pick.show());
    });
    pick.onDidHide(() => {
      if (!decided) resolve(false);
      pick.dispose();
    });
    pick.show();
  });
}
