import * as path from 'path';
import { loadTemplateFile, readBoundedFile, type GatheredInputs, type GivenInputs } from '../load';
import type { FunctionView, Template } from '../model/template';
import { resolveValue, type ResolveContext } from './intrinsics';
import { readOverrides, type Overrides } from './overrides';
import type { LocalFunction } from './types';

/** Region used when neither the user, samconfig.toml nor the template says (Lambda's pricing reference Region). */
export const DEFAULT_REGION = 'us-east-1';

export interface TargetOptions {
  /** Folder holding `.serverless-workbench/`; the template's folder by default. */
  readonly workspaceDir?: string;
  readonly region?: string;
  readonly stackName?: string;
  readonly overrides?: Overrides;
  /** Parameter overrides, Region, stage and config environment given on the command line or in settings. */
  readonly given?: GivenInputs;
}

export type Target =
  | { readonly ok: true; readonly fn: LocalFunction; readonly view: FunctionView; readonly template: Template; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string; readonly notFound?: boolean };

/** How intrinsics resolve for this template: Region, stack name and the overrides' `References`. */
export function resolveContextOf(template: Template, options: TargetOptions = {}): ResolveContext {
  const workspaceDir = options.workspaceDir ?? path.dirname(path.resolve(template.fileName));
  return {
    template,
    region: options.region ?? template.serverless?.region ?? DEFAULT_REGION,
    stackName: options.stackName ?? (template.serverless ? `${template.serverless.service}-${template.serverless.stage}` : 'local'),
    parameters: (options.overrides ?? readOverrides(workspaceDir).overrides).references,
  };
}

/** Finds a function by logical ID, or for serverless.yml also by its key or deployed name. */
export function findFunction(template: Template, name: string): FunctionView | undefined {
  return template.functions.find((f) => f.logicalId === name)
    ?? template.functions.find((f) => f.displayName === name || f.functionName?.value === name);
}

/** The function as this machine will run it: settings resolved to values, with notes on what was guessed. */
export function localFunctionOf(template: Template, view: FunctionView, options: TargetOptions = {}): Target {
  const templateDir = path.dirname(path.resolve(template.fileName));
  const workspaceDir = path.resolve(options.workspaceDir ?? templateDir);
  const where = `${view.displayName} in ${path.basename(template.fileName)}`;
  if (view.packageType === 'Image') return { ok: false, message: `${where} is a container image function; running images needs Docker, which Serverless Workbench does not use.` };
  const runtime = view.runtime?.value;
  if (!runtime) return { ok: false, message: `${where} has no Runtime${view.runtime ? ' that can be read without AWS' : ''}.` };
  const handler = view.handler?.value;
  if (!handler && !runtime.startsWith('provided')) return { ok: false, message: `${where} has no Handler.` };
  if (view.codeUri && view.codeUri.value === undefined) return { ok: false, message: `${where} has a CodeUri that is only known at deploy time.` };

  let overrides = options.overrides;
  if (!overrides) {
    const read = readOverrides(workspaceDir);
    // Running without the values the user meant to give would be more confusing than stopping here.
    if (read.problem) return { ok: false, message: read.problem };
    overrides = read.overrides;
  }
  const ctx = resolveContextOf(template, { ...options, overrides });
  const region = ctx.region;
  const notes: string[] = [];
  const environment: Record<string, string> = {};
  for (const variable of view.environment) {
    const r = resolveValue(variable.value, ctx);
    if (r.value === undefined) {
      environment[variable.name] = '';
      notes.push(`${variable.name} is empty: ${r.unresolved}. Set it in .serverless-workbench/env.json.`);
    } else {
      environment[variable.name] = r.value;
      if (r.guess) notes.push(`${variable.name}=${r.value}: ${r.guess}.`);
    }
  }
  Object.assign(environment, overrides.allFunctions, overrides.byFunction[view.logicalId] ?? overrides.byFunction[view.displayName]);

  const fn: LocalFunction = {
    logicalId: view.logicalId,
    functionName: view.functionName?.value ?? view.logicalId,
    runtime,
    handler: handler ?? 'bootstrap',
    codeDir: path.resolve(templateDir, view.codeUri?.value ?? '.'),
    workspaceDir,
    memorySizeMb: view.memorySize.value ?? 128,
    timeoutSeconds: view.timeout.value ?? 3,
    architecture: view.architecture.value ?? 'x86_64',
    environment,
    region,
  };
  return { ok: true, fn, view, template, notes };
}

export type FoundFunction =
  | { readonly ok: true; readonly template: Template; readonly view: FunctionView; readonly inputs: GatheredInputs }
  | { readonly ok: false; readonly message: string; readonly notFound?: boolean };

/** Reads a template from disk (with its samconfig) and finds one function in it; every failure is a message, never a throw. */
export function loadFunction(templatePath: string, name: string, given: GivenInputs = {}): FoundFunction {
  const loaded = loadTemplateFile(templatePath, { readFile: readBoundedFile, given });
  if (!loaded.ok) return { ok: false, message: `${loaded.message[0].toUpperCase()}${loaded.message.slice(1)}.` };
  const { template, inputs } = loaded;
  const view = findFunction(template, name);
  if (!view) {
    const known = template.functions.map((f) => f.displayName).join(', ') || 'none';
    return { ok: false, notFound: true, message: `No function ${name} in ${templatePath} (functions: ${known}).` };
  }
  return { ok: true, template, view, inputs };
}

/** Reads a template from disk and resolves one function of it for a local run. */
export function loadTarget(templatePath: string, name: string, options: TargetOptions = {}): Target {
  const found = loadFunction(templatePath, name, options.given);
  return found.ok ? localFunctionOf(found.template, found.view, { ...options, region: options.region ?? found.inputs.resolution.region?.value }) : found;
}
