import { FUNCTION_NAME_MAX } from '../model/limits';
import type { Framework, Language, LanguageChoice, StarterChoice, StarterId } from './choices';
import { choiceById, LANGUAGES, STARTERS } from './choices';
import { fillPlaceholders } from './render';
import { currentRuntime } from './runtime';

export interface ProjectOptions {
  readonly framework: Framework;
  readonly language: Language;
  readonly starter: StarterId;
  readonly name: string;
  /** YYYY-MM-DD: the runtime is the newest one Lambda supports on this day. */
  readonly today: string;
}

/** The starter parts shipped with the extension (`starters/`), read through the adapter: the core does no I/O. */
export interface StarterSource {
  /** Every file below a folder of `starters/`, as paths relative to that folder ('' when there is none). */
  list(dir: string): readonly string[];
  read(file: string): string;
}

export interface PlannedFile {
  /** Relative to the project's folder, with `/`. */
  readonly path: string;
  readonly text: string;
}

export interface ProjectPlan {
  readonly files: readonly PlannedFile[];
  readonly runtime: string;
  /** template.yaml or serverless.yml. */
  readonly template: string;
  /** The handlers' sources, in the order of the starter's functions. */
  readonly handlers: readonly string[];
}

/** S3 user guide, "General purpose bucket naming rules": at most 63 characters. */
const BUCKET_NAME_MAX = 63;
const ACCOUNT_ID_LENGTH = 12;
/** The stages the Serverless projects' `params` name, the longest of which goes into deployed names. */
const LONGEST_STAGE = 'prod';
const LONGEST_FUNCTION_KEY = Math.max(...STARTERS.flatMap((s) => s.functions.map((f) => f.serverlessKey.length)));
/**
 * A Serverless Framework function is deployed as `<service>-<stage>-<function>` (Lambda: at most 64 characters), the
 * upload bucket as `<service>-<stage>-uploads-<account id>`; a project name short enough for both works everywhere.
 */
export const PROJECT_NAME_MAX = Math.min(
  FUNCTION_NAME_MAX - `-${LONGEST_STAGE}-`.length - LONGEST_FUNCTION_KEY,
  BUCKET_NAME_MAX - `-${LONGEST_STAGE}-uploads-`.length - ACCOUNT_ID_LENGTH,
);

/**
 * Why a project name cannot be used, or undefined. Lower case letters, digits and hyphens, starting with a letter:
 * what CloudFormation stack names, npm package names and S3 bucket names all accept.
 */
export function projectNameProblem(name: string): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    return 'Use lower case letters, digits and hyphens, starting with a letter (it names the stack and the package).';
  if (name.endsWith('-') || name.includes('--')) return 'A hyphen must stand between two letters or digits.';
  if (name.length > PROJECT_NAME_MAX)
    return `Use at most ${PROJECT_NAME_MAX} characters, so the deployed function and bucket names fit AWS's limits.`;
  return undefined;
}

/** A usable project name made from a folder's name ("My App" → "my-app"), for the name box and the CLI. */
export function suggestProjectName(folderName: string): string {
  const words = folderName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, PROJECT_NAME_MAX)
    .replace(/-+$/, '');
  return words === '' ? 'my-app' : words;
}

/** Every file of a new project, or why it cannot be made. */
export function planProject(options: ProjectOptions, source: StarterSource): ProjectPlan | { problem: string } {
  const nameProblem = projectNameProblem(options.name);
  if (nameProblem) return { problem: nameProblem };
  const language = choiceById(LANGUAGES, options.language);
  const starter = choiceById(STARTERS, options.starter);
  const runtime = currentRuntime(language.runtimeFamily, options.today);
  if (!runtime)
    return { problem: `The runtime data knows no ${language.runtimeFamily} runtime supported on ${options.today}.` };

  const first = starter.functions[0];
  const values: Record<string, string> = {
    name: options.name,
    runtime,
    description: starter.label,
    devDependencies: devDependencies(options.framework, language, starter),
    firstFunction: options.framework === 'sam' ? first.logicalId : first.serverlessKey,
    firstEvent: `events/${first.event}`,
  };
  Object.assign(values, samCode(language));
  for (const module of modulesOf(starter))
    values[`esbuild ${module}`] = language.id === 'typescript' ? esbuildMetadata(module) : '';
  const fill = (file: string): string => fillPlaceholders(source.read(file), values);
  const copy = (from: string, to: string): PlannedFile[] =>
    source.list(from).map((file) => ({ path: `${to}${file}`, text: fill(`${from}/${file}`) }));

  const template = options.framework === 'sam' ? 'template.yaml' : 'serverless.yml';
  const files: PlannedFile[] = [
    { path: template, text: templateText(options.framework, language, starter.id, values, source) },
    ...(options.framework === 'sam' ? [{ path: 'samconfig.toml', text: fill('sam/samconfig.toml') }] : []),
    ...copy(`languages/${language.id}`, '').filter((f) => f.path !== 'README.md'),
    ...copy(`${starter.id}/${language.id}`, ''),
    ...copy(`${starter.id}/files`, ''),
    { path: 'README.md', text: readme(options, language, starter, fill) },
    { path: '.gitignore', text: gitignore(options.framework, language) },
  ];
  return {
    files,
    runtime,
    template,
    handlers: modulesOf(starter).map((module) => `src/${module}.${language.extension}`),
  };
}

function modulesOf(starter: StarterChoice): string[] {
  return [...new Set(starter.functions.map((f) => f.handler.split('.')[0]))];
}

function templateText(
  framework: Framework,
  language: LanguageChoice,
  starter: StarterId,
  values: Readonly<Record<string, string>>,
  source: StarterSource,
): string {
  const part = (file: string): string => fillPlaceholders(source.read(file), values);
  if (framework === 'sam')
    return fillPlaceholders(source.read('sam/template.yaml'), { ...values, resources: part(`${starter}/sam.yaml`) });
  const iam = source.list(`${starter}/serverless`).includes('iam.yml') ? part(`${starter}/serverless/iam.yml`) : '';
  return fillPlaceholders(source.read('serverless/serverless.yml'), {
    ...values,
    iam,
    build: language.id === 'typescript' ? SERVERLESS_ESBUILD : '',
    functions: part(`${starter}/serverless/functions.yml`),
  });
}

/**
 * Where SAM finds a function's code. Its Node.js builders read package.json in `CodeUri`, which is the project's
 * root, so handlers are named from there (`src/items.handler`); its Python builder reads requirements.txt in
 * `CodeUri`, which is `src/`, so only the code is packaged
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-using-build.html).
 */
function samCode(language: LanguageChoice): { codeUri: string; handlerDir: string } {
  return language.runtimeFamily === 'nodejs'
    ? { codeUri: './', handlerDir: 'src/' }
    : { codeUri: 'src/', handlerDir: '' };
}

/**
 * SAM builds a TypeScript handler with esbuild when the function says so; Lambda's Node.js runtime has the AWS SDK v3,
 * so the bundle leaves it out (SAM developer guide, "Building Node.js Lambda functions with esbuild").
 */
function esbuildMetadata(module: string): string {
  return [
    'Metadata:',
    '  BuildMethod: esbuild',
    '  BuildProperties:',
    '    Target: es2022',
    // The handlers are ES modules (package.json "type": "module"): bundled as .mjs, Lambda loads them as such.
    '    Format: esm',
    '    OutExtension:',
    "      - '.js=.mjs'",
    '    EntryPoints:',
    `      - src/${module}.ts`,
    '    External:',
    "      - '@aws-sdk/*'",
  ].join('\n');
}

/**
 * The Serverless Framework bundles TypeScript handlers through the serverless-esbuild plugin, in v3 and in v4 (which
 * leaves its own build aside when the plugin is there); Lambda's Node.js runtime has the AWS SDK v3
 * (https://www.serverless.com/plugins/serverless-esbuild).
 */
const SERVERLESS_ESBUILD = [
  '',
  'plugins:',
  '  - serverless-esbuild',
  '',
  'custom:',
  '  esbuild:',
  '    bundle: true',
  '    minify: true',
  '    target: es2022',
  '    exclude:',
  "      - '@aws-sdk/*'",
  '',
].join('\n');
/** The plugin's version range, for package.json. */
const SERVERLESS_ESBUILD_VERSION = '^1.55.0';

function devDependencies(framework: Framework, language: LanguageChoice, starter: StarterChoice): string {
  const packages: Record<string, string> = { ...language.devDependencies };
  if (framework === 'serverless' && language.id === 'typescript')
    packages['serverless-esbuild'] = SERVERLESS_ESBUILD_VERSION;
  for (const name of starter.sdkPackages) packages[name] = '^3.0.0';
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(sorted, null, 2).replace(/\n/g, '\n  ');
}

function readme(
  options: ProjectOptions,
  language: LanguageChoice,
  starter: StarterChoice,
  fill: (file: string) => string,
): string {
  const framework = options.framework === 'sam' ? 'sam' : 'serverless';
  return [
    `# ${options.name}\n`,
    fill(`${starter.id}/README.md`),
    fill(`languages/${language.id}/README.md`),
    fill(`${framework}/README.md`),
  ].join('\n');
}

function gitignore(framework: Framework, language: LanguageChoice): string {
  const built = framework === 'sam' ? '.aws-sam/' : '.serverless/';
  // The local invoker compiles TypeScript handlers there.
  return [built, '.serverless-workbench/build/', ...language.gitignore, ''].join('\n');
}
