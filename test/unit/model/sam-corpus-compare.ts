import * as fs from 'fs';
import * as path from 'path';
import { deployedResources, loadTemplate } from '../../../src/core';
import type { Template } from '../../../src/core';

/**
 * One translator test compared with the model: the (logical ID, type) pairs of the expected CloudFormation
 * against those `deployedResources` lists. IDs ending in a 10-hex hash compare by prefix (SAM hashes inputs
 * the model does not rebuild; see sam/collector.ts `hashedId`). Shared by the corpus test and
 * scripts/sam-corpus-report.mjs.
 */
export interface CorpusComparison {
  readonly expected: readonly string[];
  /** Expected logical IDs the model names exactly, hash suffix included. */
  readonly exactIds: number;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly template: Template | undefined;
}

/** A hash suffix is 10 lower-case hex digits with at least one digit (a word like `Deadbeefed` is no hash). */
export function normaliseLogicalId(logicalId: string): string {
  const m = /[0-9a-f]{10}$/.exec(logicalId);
  return m && /[0-9]/.test(m[0]) ? `${logicalId.slice(0, -10)}#` : logicalId;
}

/**
 * The translator's tests run in the Region ap-southeast-1 (its test harness patches boto3's session), and it
 * substitutes `AWS::Region`/`AWS::Partition` before it hashes some logical IDs; the model gets the same Region.
 */
const TRANSLATOR_TEST_REGION = { value: 'ap-southeast-1', origin: "the SAM translator's test harness" };

export function compareWithTranslator(corpus: string, inputFile: string): CorpusComparison | undefined {
  const outputFile = path.join(corpus, 'output', inputFile.replace(/\.yaml$/, '.json'));
  if (!fs.existsSync(outputFile)) return undefined;
  const resources =
    (JSON.parse(fs.readFileSync(outputFile, 'utf8')) as { Resources?: Record<string, { Type: unknown }> }).Resources ??
    {};
  // A resource without a string Type passes through the translator as written; the model calls its type 'Unknown'.
  const expected = keysOf(
    Object.entries(resources).map(([logicalId, r]) => ({
      logicalId,
      type: typeof r.Type === 'string' ? r.Type : 'Unknown',
    })),
  );
  const text = fs.readFileSync(path.join(corpus, 'input', inputFile), 'utf8');
  const template = loadTemplate(text, inputFile, { resolution: { region: TRANSLATOR_TEST_REGION } });
  const deployed = template ? deployedResources(template.resources) : [];
  const actual = keysOf(deployed);
  const ourIds = new Set(deployed.map((d) => d.logicalId));
  const exactIds = Object.keys(resources).filter((id) => ourIds.has(id)).length;
  return { expected, exactIds, missing: difference(expected, actual), extra: difference(actual, expected), template };
}

function keysOf(pairs: Iterable<{ logicalId: string; type: string }>): string[] {
  return [...pairs].map((p) => `${normaliseLogicalId(p.logicalId)} ${p.type}`).sort();
}

/** Multiset difference: what `a` has more often than `b`. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of b) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(k);
  }
  return out;
}
