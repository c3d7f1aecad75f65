import { parseParameterOverrides } from '../load/parameter-overrides';
import type { GatheredInputs } from '../load/inputs';
import type { SamconfigEntry } from '../load/samconfig-types';

/** What `sam deploy` needs beyond the template, each from samconfig or what the user gave. */
export interface DeployConfig {
  readonly stackName: string;
  readonly region: string;
  readonly profile?: string;
  /** Where artifacts go: a named bucket, or the managed one (`resolve_s3`), created on first use. */
  readonly bucket: { readonly name: string } | { readonly managed: true };
  /** Key prefix of uploaded artifacts; SAM CLI's default is none (keys are the content's MD5). */
  readonly s3Prefix?: string;
  readonly capabilities: readonly string[];
  readonly parameters: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

export interface DeployFlags {
  readonly stackName?: string;
  readonly region?: string;
  readonly profile?: string;
}

/**
 * The capabilities every SAM deploy needs: the transform expands macros (CAPABILITY_AUTO_EXPAND) and SAM makes IAM
 * roles (CAPABILITY_IAM) ("CreateChangeSet", Capabilities,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html).
 */
export const SAM_CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

export type DeployConfigResult =
  { readonly ok: true; readonly config: DeployConfig } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The deploy's settings: flags first, then samconfig's `deploy` (then `global`) section of the chosen config
 * environment, as SAM CLI reads them. What is missing (no stack name, no Region, no bucket) is said, never guessed.
 */
export function deployConfigOf(inputs: GatheredInputs, flags: DeployFlags, isSam: boolean): DeployConfigResult {
  const entries = inputs.samconfig?.entries ?? {};
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const entry = entries[key];
    if (!entry) return undefined;
    if (typeof entry.value === 'string' || typeof entry.value === 'number') return String(entry.value);
    problems.push(`${entry.origin} (line ${entry.line}) should be a string, not ${JSON.stringify(entry.value)}.`);
    return undefined;
  };
  const stackName = flags.stackName ?? inputs.resolution.stackName?.value;
  const region = flags.region ?? inputs.resolution.region?.value;
  if (!stackName) problems.push('No stack name: pass --stack-name or add stack_name to samconfig.toml.');
  if (!region) problems.push('No Region: pass --region or add region to samconfig.toml.');
  const s3Bucket = text('s3_bucket');
  const resolveS3 = entries.resolve_s3?.value === true || entries.resolve_s3?.value === 'true';
  const capabilities = new Set(words(entries.capabilities, problems));
  if (isSam) for (const c of SAM_CAPABILITIES) capabilities.add(c);
  const tags = keyValues(entries.tags, problems);
  const profile = flags.profile ?? inputs.samconfig?.profile?.value;
  const s3Prefix = text('s3_prefix');
  if (problems.length > 0 || !stackName || !region) return { ok: false, problems };
  const parameters = Object.fromEntries(
    Object.entries(inputs.resolution.parameters ?? {}).map(([name, input]) => [name, input.value]),
  );
  return {
    ok: true,
    config: {
      stackName,
      region,
      ...(profile ? { profile } : {}),
      // Without s3_bucket SAM CLI asks for resolve_s3; deploying from the editor takes the managed bucket then too.
      bucket: s3Bucket && !resolveS3 ? { name: s3Bucket } : { managed: true },
      ...(s3Prefix ? { s3Prefix } : {}),
      capabilities: [...capabilities],
      parameters,
      tags,
    },
  };
}

/** `capabilities = "CAPABILITY_IAM CAPABILITY_NAMED_IAM"` or a list of them. */
function words(entry: (SamconfigEntry & { origin: string }) | undefined, problems: string[]): string[] {
  if (!entry) return [];
  if (typeof entry.value === 'string') return entry.value.split(/\s+/).filter(Boolean);
  if (Array.isArray(entry.value) && entry.value.every((v) => typeof v === 'string')) return entry.value as string[];
  problems.push(`${entry.origin} (line ${entry.line}) should be "CAPABILITY_A CAPABILITY_B" or a list of them.`);
  return [];
}

/** `tags = "team=\"orders\" env=dev"`: the same `Key=Value` syntax as parameter_overrides. */
function keyValues(entry: (SamconfigEntry & { origin: string }) | undefined, problems: string[]) {
  if (!entry) return {};
  const value = entry.value;
  if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    problems.push(`${entry.origin} (line ${entry.line}) should be "Key=Value Key2=Value2".`);
    return {};
  }
  const parsed = parseParameterOverrides(value as string | string[]);
  for (const p of parsed.problems) problems.push(`${entry.origin} (line ${entry.line}): ${p}.`);
  return Object.fromEntries(parsed.overrides.map((o) => [o.name, o.value]));
}
