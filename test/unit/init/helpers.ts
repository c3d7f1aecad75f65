import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readStarters, writePlan } from '../../../src/cli/init';
import { planProject, starterSourceOf } from '../../../src/core/init';
import type { ProjectOptions, ProjectPlan } from '../../../src/core/init';

const STARTERS_DIR = path.resolve(__dirname, '../../../starters');
let source: ReturnType<typeof starterSourceOf> | undefined;

/** The starters shipped in the repository, read once. */
export function shippedStarters(): ReturnType<typeof starterSourceOf> {
  return (source ??= starterSourceOf(readStarters(STARTERS_DIR)));
}

/** A plan from the shipped starters that must succeed. */
export function plan(options: ProjectOptions): ProjectPlan {
  const planned = planProject(options, shippedStarters());
  if ('problem' in planned) throw new Error(planned.problem);
  return planned;
}

/** The project written into a new temporary folder; the caller removes it. */
export function generate(options: ProjectOptions): { dir: string; plan: ProjectPlan } {
  const planned = plan(options);
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), `swb-${options.framework}-${options.language}-${options.starter}-`),
  );
  writePlan(dir, planned);
  return { dir, plan: planned };
}
