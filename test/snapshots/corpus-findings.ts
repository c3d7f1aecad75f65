import * as fs from 'fs';
import * as path from 'path';
import { nodeCodeFileSystem } from '../../src/cli/code-fs';
import { cliSchemaCatalog } from '../../src/cli/schema-data';
import { measureCode } from '../../src/core/code/measure';
import { codeQueriesOf } from '../../src/core/code/targets';
import { loadTemplateFile, readBoundedFile } from '../../src/core/load';
import type { Template } from '../../src/core';
import { analyzeTemplate } from '../../src/core/rules';
import type { AnalysisInputs } from '../../src/core/rules';

/**
 * The findings of every rule on every template of the shared corpus, one text file per corpus folder
 * (`test/snapshots/corpus-findings/<folder>.txt`), so that a change of any rule shows its effect on real
 * templates in review. `npm run snapshot` writes them; `test/unit/rules/corpus.test.ts` compares.
 */

/** The corpus folders whose templates are linted, each with the snapshot file it is saved to. */
export const CORPUS_FOLDERS: readonly {
  readonly name: string;
  readonly dir: string;
  readonly isTemplate: (file: string) => boolean;
}[] = [
  { name: 'sam-translator', dir: 'sam-translator/input', isTemplate: (f) => /\.ya?ml$/.test(f) },
  {
    name: 'serverless-v3-fixtures',
    dir: 'serverless-v3-fixtures',
    isTemplate: (f) => /^serverless\.(ya?ml|json)$/.test(path.basename(f)),
  },
  ...['good', 'bad', 'quickstart', 'integration', 'public'].map((kind) => ({
    name: `cfn-lint-${kind}`,
    dir: `cfn-lint-fixtures/templates/${kind}`,
    isTemplate: (f: string) => /\.(ya?ml|json)$/.test(f),
  })),
];

export const SNAPSHOT_DIR = path.resolve(__dirname, 'corpus-findings');

/** "Today" for the snapshot: fixed, so that runtime dates do not change it from one day to the next. */
export const SNAPSHOT_TODAY = '2026-12-01';

/**
 * The one place the snapshot's inputs are built, the way `serverless-workbench lint` builds them: the template
 * read through the core loader (samconfig and `${file()}` beside it), the code on disk measured, the package's
 * schema data, today fixed.
 * The process environment is not passed: a snapshot must not depend on the shell that wrote it.
 */
const schemas = cliSchemaCatalog();

async function analyse(
  file: string,
): Promise<{ template: Template; result: ReturnType<typeof analyzeTemplate> } | string> {
  const loaded = loadTemplateFile(file, { readFile: readBoundedFile, given: {} });
  if (!loaded.ok) return loaded.message;
  const code = await measureCode(codeQueriesOf(loaded.template), nodeCodeFileSystem);
  const inputs: AnalysisInputs = { today: SNAPSHOT_TODAY, code, schemas };
  return { template: loaded.template, result: analyzeTemplate(loaded.template, inputs) };
}

function filesUnder(dir: string, isTemplate: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const e of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) walk(full);
      else if (isTemplate(full)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** One line per finding: `file:line:col-line:col severity rule-id message`; a line for what is not a template. */
export async function snapshotOf(corpus: string, folder: (typeof CORPUS_FOLDERS)[number]): Promise<string> {
  const root = path.join(corpus, folder.dir);
  const lines: string[] = [];
  for (const file of filesUnder(root, folder.isTemplate)) {
    const name = path.relative(root, file).split(path.sep).join('/');
    const analysed = await analyse(file);
    if (typeof analysed === 'string') {
      lines.push(`${name} not read: ${oneLine(analysed.split(file).join(name))}`);
      continue;
    }
    const { template, result } = analysed;
    for (const crash of result.crashes) lines.push(`${name} CRASH ${crash.ruleId}: ${oneLine(crash.message)}`);
    for (const f of result.findings) {
      const at = template.lines.oneBased(f.span);
      lines.push(
        `${name}:${at.line}:${at.column}-${at.endLine}:${at.endColumn} ${f.severity} ${f.ruleId} ${oneLine(f.message)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '\\n');
}

export function snapshotFile(folder: (typeof CORPUS_FOLDERS)[number]): string {
  return path.join(SNAPSHOT_DIR, `${folder.name}.txt`);
}
