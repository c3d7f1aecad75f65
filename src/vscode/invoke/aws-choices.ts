import * as vscode from 'vscode';
import { SETTINGS } from '../settings.generated';

/**
 * Commercial Regions where Lambda runs (botocore endpoints.json, aws partition; AWS General Reference, "AWS Lambda
 * endpoints and quotas"). The picker also accepts any other code typed in.
 */
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'sa-east-1',
  'mx-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'af-south-1',
  'me-south-1',
  'me-central-1',
  'il-central-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
];

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
