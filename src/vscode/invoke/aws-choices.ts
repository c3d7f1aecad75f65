import * as vscode from 'vscode';
import { SETTINGS } from '../settings.generated';
import { COMMERCIAL_REGIONS } from '../../core/aws-regions';

/** The picker offers the commercial Regions where Lambda runs and also accepts any other code typed in. */
const REGIONS = COMMERCIAL_REGIONS;

async function save(setting: { name: string }, value: string | undefined): Promise<void> {
  const target = vscode.workspace.workspaceFolders
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration().update(setting.name, value || undefined, target);
}

export async function selectRegion(): Promise<void> {
  const current = SETTINGS.invoke.region.value(undefined);
  const items = [
    { label: '$(clear-all) From samconfig.toml or the template', region: '' },
    ...REGIONS.map((r) => ({ label: r, description: r === current ? 'current' : undefined, region: r })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'AWS Region for invocations' });
  if (picked) await save(SETTINGS.invoke.region, picked.region);
}

export async function selectProfile(): Promise<void> {
  const { awsProfileNames } = await import('../../core/aws/profiles');
  const profiles = awsProfileNames();
  const items = [
    { label: '$(clear-all) Default credential chain (or samconfig.toml)', profile: '' },
    ...profiles.map((p) => ({ label: p, profile: p })),
  ];
  if (profiles.length === 0)
    items.push({ label: '$(info) No profiles in ~/.aws/config or ~/.aws/credentials', profile: '' });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'AWS profile for remote invocations' });
  if (picked) await save(SETTINGS.invoke.profile, picked.profile);
}
