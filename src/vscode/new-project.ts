import * as vscode from 'vscode';
import type { Choice, Framework, Language, ProjectPlan, StarterId } from '../core/init';
import { todayIso } from '../core/rules/today';

type InitModule = typeof import('../core/init');

/**
 * The project generator and its runtime data, required when a project is made rather than at activation: the build
 * makes it a chunk of its own (scripts/chunks.mjs, FEATURE_CHUNKS).
 */
function initCore(): InitModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../core/init') as InitModule;
}

/**
 * What the New Project command asks, each answer skipping its question when given as the command's argument (a
 * keybinding, another extension or a test may pass them).
 */
export interface NewProjectAnswers {
  readonly framework?: Framework;
  readonly language?: Language;
  readonly starter?: StarterId;
  /** The folder the project's own folder is made in. */
  readonly parent?: vscode.Uri;
  readonly name?: string;
}

/** Files to open once a project is written into a folder that is not open yet (the window reloads in between). */
const PENDING_OPEN = 'serverlessWorkbench.newProject.pendingOpen';

/** "Serverless Workbench: New Project" and "Create SAM Template", both writing a complete project from the starters. */
export function registerNewProject(context: vscode.ExtensionContext): vscode.Disposable {
  void openPending(context);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('serverlessWorkbench.newProject', (answers?: NewProjectAnswers) =>
      newProject(context, answers ?? {}),
    ),
    vscode.commands.registerCommand('serverlessWorkbench.createTemplate', (answers?: NewProjectAnswers) =>
      createTemplate(context, answers ?? {}),
    ),
  );
}

async function pick<Id extends string>(
  choices: readonly Choice<Id>[],
  given: Id | undefined,
  title: string,
): Promise<Id | undefined> {
  if (given) return given;
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, detail: c.detail, id: c.id })),
    { title, ignoreFocusOut: true },
  );
  return picked?.id;
}

async function askName(suggested: string, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given;
  const { projectNameProblem } = initCore();
  return vscode.window.showInputBox({
    title: 'New Project: name',
    prompt: 'Names the folder, the stack or service, and the package',
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => projectNameProblem(value),
  });
}

async function newProject(
  context: vscode.ExtensionContext,
  answers: NewProjectAnswers,
): Promise<vscode.Uri | undefined> {
  const { FRAMEWORKS, LANGUAGES, STARTERS } = initCore();
  const framework = await pick(FRAMEWORKS, answers.framework, 'New Project (1/5): framework');
  const language = framework && (await pick(LANGUAGES, answers.language, 'New Project (2/5): language'));
  const starter = language && (await pick(STARTERS, answers.starter, 'New Project (3/5): starter'));
  if (!framework || !language || !starter) return undefined;
  const parent =
    answers.parent ??
    (
      await vscode.window.showOpenDialog({
        title: 'New Project (4/5): the folder to create the project in',
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        openLabel: 'Create Here',
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      })
    )?.[0];
  if (!parent) return undefined;
  const name = await askName('my-app', answers.name);
  if (!name) return undefined;
  const target = vscode.Uri.joinPath(parent, name);
  if ((await entriesOf(target)).length > 0) {
    void vscode.window.showErrorMessage(`${target.fsPath} is not empty; the project was not created.`);
    return undefined;
  }
  const plan = await planFrom(context, { framework, language, starter, name });
  if (!plan) return undefined;
  await write(target, plan);
  await open(context, target, plan);
  return target;
}

/**
 * A SAM project in a workspace folder itself: the starter's template with its handler, test and event, never over a
 * file that is already there.
 */
async function createTemplate(
  context: vscode.ExtensionContext,
  answers: NewProjectAnswers,
): Promise<vscode.Uri | undefined> {
  const { LANGUAGES, STARTERS, projectNameProblem, suggestProjectName } = initCore();
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 && !answers.parent) return newProject(context, { ...answers, framework: 'sam' });
  const folder =
    answers.parent ??
    (folders.length === 1
      ? folders[0].uri
      : (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the SAM project in' }))?.uri);
  if (!folder) return undefined;
  const language = await pick(LANGUAGES, answers.language, 'Create SAM Template (1/2): language');
  const starter = language && (await pick(STARTERS, answers.starter, 'Create SAM Template (2/2): starter'));
  if (!language || !starter) return undefined;
  const suggested = suggestProjectName(folder.path.split('/').pop() ?? '');
  const name = projectNameProblem(suggested) ? await askName(suggested, answers.name) : (answers.name ?? suggested);
  if (!name) return undefined;
  const plan = await planFrom(context, { framework: 'sam', language, starter, name });
  if (!plan) return undefined;
  const existing = new Set(await entriesOf(folder));
  const clashes = plan.files.map((f) => f.path.split('/')[0]).filter((top) => existing.has(top));
  if (clashes.length > 0) {
    void vscode.window.showWarningMessage(
      `${[...new Set(clashes)].join(', ')} already exist in this folder; nothing was written. Use "New Project" ` +
        'to create the project in a folder of its own.',
    );
    return undefined;
  }
  await write(folder, plan);
  await showFiles(folder, plan);
  return folder;
}

async function planFrom(
  context: vscode.ExtensionContext,
  choice: { framework: Framework; language: Language; starter: StarterId; name: string },
): Promise<ProjectPlan | undefined> {
  const { planProject, starterSourceOf } = initCore();
  const starters = await readStarters(vscode.Uri.joinPath(context.extensionUri, 'starters'));
  const plan = planProject({ ...choice, today: todayIso() }, starterSourceOf(starters));
  if ('problem' in plan) {
    void vscode.window.showErrorMessage(`The project was not created: ${plan.problem}`);
    return undefined;
  }
  return plan;
}

/** Every file below the extension's starters folder, by its path with `/`. */
async function readStarters(root: vscode.Uri): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const decoder = new TextDecoder();
  const walk = async (dir: vscode.Uri, prefix: string): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory) await walk(uri, `${prefix}${name}/`);
      else if (type === vscode.FileType.File)
        files.set(`${prefix}${name}`, decoder.decode(await vscode.workspace.fs.readFile(uri)));
    }
  };
  await walk(root, '');
  return files;
}

async function entriesOf(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
}

async function write(folder: vscode.Uri, plan: ProjectPlan): Promise<void> {
  const encoder = new TextEncoder();
  for (const file of plan.files)
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, ...file.path.split('/')),
      encoder.encode(file.text),
    );
}

/**
 * Shows the new project: its template and first handler, in this window when the folder is in the workspace (or can
 * be added to it), else in the folder opened here, which reloads the window and opens them on the next activation.
 */
async function open(context: vscode.ExtensionContext, target: vscode.Uri, plan: ProjectPlan): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const inside = folders.some((f) => target.path.startsWith(`${f.uri.path}/`));
  if (!inside && folders.length > 0) vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri: target });
  if (inside || folders.length > 0) return showFiles(target, plan);
  await context.globalState.update(PENDING_OPEN, {
    folder: target.toString(),
    files: [plan.template, plan.handlers[0]],
  });
  await vscode.commands.executeCommand('vscode.openFolder', target);
}

async function showFiles(folder: vscode.Uri, plan: ProjectPlan): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, plan.handlers[0]), { preview: false });
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, plan.template), { preview: false });
}

async function openPending(context: vscode.ExtensionContext): Promise<void> {
  const pending = context.globalState.get<{ folder: string; files: string[] }>(PENDING_OPEN);
  const folder = pending && vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === pending.folder);
  if (!pending || !folder) return;
  await context.globalState.update(PENDING_OPEN, undefined);
  for (const file of [...pending.files].reverse())
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, file), { preview: false });
}
