import * as path from 'path';
import { loadTemplateFile, readBoundedFile, type GatheredInputs, type GivenInputs } from '../load';
import { mapAt, stringOf, valueOf } from '../model/nodes';
import type { FunctionView, Resource, Template } from '../model/template';
import { localResolution, localView, usedSettings, type LocalResolution, type UsedSettings } from './local-settings';
import { readOverrides, type Overrides } from './overrides';
import { awsProfileRegion } from '../aws/profiles';
import type { LocalFunction } from './types';

export interface TargetOptions {
  /** Folder holding `.serverless-workbench/`; the template's folder by default. */
  readonly workspaceDir?: string;
  readonly overrides?: Overrides;
  /** An env.json in SAM CLI's `--env-vars` format whose values win over the workspace's. */
  readonly envVarsFile?: string;
  /** Parameter overrides, Region, stage and config environment given on the command line or in settings. */
  readonly given?: GivenInputs;
  /** The AWS profile of the run: its Region is used when neither the template's inputs nor the user give one. */
  readonly profile?: string;
}

export type Target =
  | {
      readonly ok: true;
      readonly fn: LocalFunction;
      readonly view: FunctionView;
      readonly template: Template;
      /** What was made up or left empty, one sentence each. */
      readonly notes: readonly string[];
      /** Timeout, memory, name, architecture and Region the run uses, each with where it came from. */
      readonly settings: UsedSettings;
    }
  | { readonly ok: false; readonly message: string; readonly notFound?: boolean };

/** How values resolve for a local run of this template: the model's inputs, env.json's `References`, local names. */
export function localResolutionOf(
  template: Template,
  options: Pick<TargetOptions, 'workspaceDir' | 'overrides' | 'profile'> = {},
): LocalResolution {
  const workspaceDir = options.workspaceDir ?? path.dirname(path.resolve(template.fileName));
  const { references } = options.overrides ?? readOverrides(workspaceDir).overrides;
  return localResolution(template, references, options.profile ? awsProfileRegion(options.profile) : undefined);
}

/** Finds a function by logical ID, or for serverless.yml also by its key or deployed name. */
export function findFunction(template: Template, name: string): FunctionView | undefined {
  return (
    template.functions.find((f) => f.logicalId === name) ??
    template.functions.find((f) => f.displayName === name || f.functionName?.value === name)
  );
}

/** The function as this machine will run it: settings resolved to values, with notes on what was made up. */
export function localFunctionOf(template: Template, view: FunctionView, options: TargetOptions = {}): Target {
  const templateDir = path.dirname(path.resolve(template.fileName));
  const workspaceDir = path.resolve(options.workspaceDir ?? templateDir);
  const where = `${view.displayName} in ${path.basename(template.fileName)}`;
  if (view.packageType === 'Image')
    return {
      ok: false,
      message:
        `${where} is a container image function; running images needs Docker, which Serverless Workbench does ` +
        `not use.`,
    };

  let overrides = options.overrides;
  if (!overrides) {
    const read = readOverrides(workspaceDir, options.envVarsFile);
    // Running without the values the user meant to give would be more confusing than stopping here.
    if (read.problem) return { ok: false, message: read.problem };
    overrides = read.overrides;
  }
  const resolution = localResolutionOf(template, { workspaceDir, overrides, profile: options.profile });
  const local = localView(template, view, resolution.resolver);
  const runtime = local.runtime?.value;
  if (!runtime)
    return {
      ok: false,
      message:
        `${where} has no ` +
        `Runtime${local.runtime ? ` that can be read without AWS: ${local.runtime.unknown}` : ''}.`,
    };
  const handler = local.handler?.value;
  if (!handler && !runtime.startsWith('provided')) {
    return {
      ok: false,
      message:
        `${where} has no ` +
        `Handler${local.handler ? ` that can be read without AWS: ${local.handler.unknown}` : ''}.`,
    };
  }
  if (local.codeUri && local.codeUri.value === undefined && !cdkAssetPathOf(view.resource))
    return {
      ok: false,
      message: `${where} has a CodeUri that is only known at deploy time: ${local.codeUri.unknown}.`,
    };

  const notes: string[] = [];
  const environment: Record<string, string> = {};
  for (const { name, resolved } of local.environment) {
    environment[name] = resolved.value ?? '';
    if (resolved.value === undefined)
      notes.push(`${name} is empty: ${resolved.unknown}. Set it in .serverless-workbench/env.json.`);
    const madeUp = resolved.provenance.filter((s) => s.origin === 'stand-in').map((s) => s.description);
    if (madeUp.length > 0) notes.push(`${name}=${resolved.value}: ${madeUp.join('; ')}.`);
  }
  Object.assign(
    environment,
    overrides.allFunctions,
    overrides.byFunction[view.logicalId] ?? overrides.byFunction[view.displayName],
  );

  const settings = usedSettings(template, view, local, resolution.region);
  const fn: LocalFunction = {
    logicalId: view.logicalId,
    functionName: settings.functionName.value,
    runtime,
    handler: handler ?? 'bootstrap',
    codeDir: path.resolve(templateDir, cdkAssetPathOf(view.resource) ?? local.codeUri?.value ?? '.'),
    workspaceDir,
    memorySizeMb: settings.memorySizeMb.value,
    timeoutSeconds: settings.timeoutSeconds.value,
    architecture: settings.architecture.value,
    environment,
    region: resolution.region.value,
  };
  return { ok: true, fn, view, template, notes, settings };
}

/**
 * The code folder of a function synthesized by the AWS CDK: `cdk synth` writes the asset beside the template
 * (`cdk.out/asset.<hash>`) and names it in the resource's `Metadata` (`aws:asset:path`, for the property in
 * `aws:asset:property`), while `Code` holds only the S3 location of a deploy (AWS CDK developer guide,
 * "Locally test and build AWS CDK applications with the AWS SAM CLI").
 */
export function cdkAssetPathOf(resource: Resource): string | undefined {
  const metadata = mapAt(resource.node, 'Metadata');
  const property = stringOf(valueOf(metadata, 'aws:asset:property'));
  if (property !== undefined && property !== 'Code' && property !== 'CodeUri') return undefined;
  return stringOf(valueOf(metadata, 'aws:asset:path'));
}

export type FoundFunction =
  | { readonly ok: true; readonly template: Template; readonly view: FunctionView; readonly inputs: GatheredInputs }
  | { readonly ok: false; readonly message: string; readonly notFound?: boolean };

/**
 * Reads a template from disk (with its samconfig) and finds one function in it; every failure is a message, never a
 * throw.
 */
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
  return found.ok ? localFunctionOf(found.template, found.view, options) : found;
}
