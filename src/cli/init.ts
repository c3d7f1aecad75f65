import * as fs from 'fs';
import * as path from 'path';
import { FRAMEWORKS, LANGUAGES, planProject, STARTERS, starterSourceOf, suggestProjectName } from '../core/init';
import type { ProjectPlan } from '../core/init';
import { todayIso } from '../core/rules/today';
import { choice, EXIT, parseArgs, UsageError } from './io';

const ids = <Id extends string>(choices: readonly { id: Id }[]): Id[] => choices.map((c) => c.id);

export const INIT_USAGE =
  `serverless-workbench init [--framework ${ids(FRAMEWORKS).join('|')}] [--language ${ids(LANGUAGES).join('|')}] ` +
  `[--starter ${ids(STARTERS).join('|')}] [--name n] [--force] [dir]`;

/**
 * The starters shipped with the package: `starters/` beside `dist/` when run as the bundled CLI, two levels up from
 * `src/cli` in the tests.
 */
const STARTER_FOLDERS = [path.resolve(__dirname, '..', 'starters'), path.resolve(__dirname, '..', '..', 'starters')];

/** Every file below the starters folder by its path with `/`. */
export function readStarters(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.set(`${prefix}${entry.name}`, fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root, '');
  return files;
}

/** `init`: writes a new project from a starter into a folder (the current one by default) that must be empty. */
export function initCommand(argv: readonly string[], out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, ['force']);
  for (const name of flags.keys())
    if (!['framework', 'language', 'starter', 'name', 'force'].includes(name))
      throw new UsageError(`unknown option --${name}\nusage: ${INIT_USAGE}`);
  if (positionals.length > 1) throw new UsageError(`usage: ${INIT_USAGE}`);
  const dir = path.resolve(positionals[0] ?? '.');
  const name = flags.get('name') ?? suggestProjectName(path.basename(dir));
  if (typeof name !== 'string') throw new UsageError('--name needs a value');
  if (!flags.get('force') && fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new UsageError(`${dir} is not empty; choose an empty folder or pass --force to write over what is there`);
  const root = STARTER_FOLDERS.find((folder) => fs.existsSync(folder));
  if (!root) throw new UsageError(`the starters are missing from this installation (looked in ${STARTER_FOLDERS[0]})`);

  const plan = planProject(
    {
      framework: choice(flags.get('framework'), ids(FRAMEWORKS), 'sam', 'framework'),
      language: choice(flags.get('language'), ids(LANGUAGES), 'node', 'language'),
      starter: choice(flags.get('starter'), ids(STARTERS), 'http-api', 'starter'),
      name,
      today: todayIso(),
    },
    starterSourceOf(readStarters(root)),
  );
  if ('problem' in plan) throw new UsageError(`project name "${name}": ${plan.problem}`);
  writePlan(dir, plan);
  out(`Created ${plan.template} and ${plan.files.length - 1} more files in ${dir} (runtime ${plan.runtime}).`);
  out(`Next: read ${path.join(dir, 'README.md')}, or run \`serverless-workbench lint ${dir}\`.`);
  return EXIT.ok;
}

export function writePlan(dir: string, plan: ProjectPlan): void {
  for (const file of plan.files) {
    const target = path.join(dir, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
  }
}
