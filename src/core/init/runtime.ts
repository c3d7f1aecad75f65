import { RUNTIMES } from '../rules/runtime-data';

const VERSIONED: Readonly<Record<'nodejs' | 'python', RegExp>> = {
  nodejs: /^nodejs(\d+)\.x$/,
  python: /^python3\.(\d+)$/,
};

/**
 * The newest runtime of a family that Lambda supports on `today` (YYYY-MM-DD), from data/lambda-runtimes.json. AWS's
 * "Lambda runtimes" page gives every supported runtime its deprecation date; an id with none yet is one only the
 * API's enum lists so far, which SAM CLI's build images and the Serverless Framework may not know, so a new project
 * does not start on it. `undefined` when the data knows no supported runtime of the family.
 */
export function currentRuntime(family: 'nodejs' | 'python', today: string): string | undefined {
  let best: { id: string; version: number } | undefined;
  for (const [id, life] of Object.entries(RUNTIMES)) {
    const version = Number(VERSIONED[family].exec(id)?.[1]);
    if (Number.isNaN(version) || life.deprecated === null || life.deprecated <= today) continue;
    if (!best || version > best.version) best = { id, version };
  }
  return best?.id;
}
