import * as path from 'path';
import { stringOf, valueOf } from '../model/nodes';
import { resourceNamedBy } from '../model/references';
import type { FunctionView, Template } from '../model/template';
import { handlerLanguage } from './handler';

/** Lambda's deployment package limits (Lambda developer guide, "Lambda quotas", "Deployment package (.zip)"). */
export const PACKAGE_LIMITS = {
  /** Zipped, for a direct upload through the API or SDK. */
  zippedBytes: 50 * 1024 * 1024,
  /** Unzipped, including layers and custom runtimes. */
  unzippedBytes: 250 * 1024 * 1024,
  /** Warn from this share of a limit, before a growing dependency tree breaks the deploy. */
  warnRatio: 0.8,
} as const;

/** The local folder a function's code is built from, or undefined for S3 locations, images and inline code. */
export function codeDirOf(template: Template, fn: FunctionView): string | undefined {
  // A map is an S3 location (`Bucket`/`Key`); a default (the Serverless service folder) has no node.
  if (fn.packageType === 'Image' || !fn.codeUri || (fn.codeUri.node && fn.codeUri.node.kind !== 'scalar')) return undefined;
  const props = fn.resource.properties;
  if (valueOf(props, 'InlineCode') || valueOf(valueOf(props, 'Code'), 'ZipFile')) return undefined;
  return localDir(template, fn.codeUri.value);
}

/** Local folders of the layers a function uses, when they are defined in the same template. */
export function layerDirsOf(template: Template, fn: FunctionView): string[] {
  const dirs: string[] = [];
  for (const layer of fn.layers) {
    const resource = resourceNamedBy(template, layer);
    const content = valueOf(resource?.properties, resource?.type === 'AWS::Serverless::LayerVersion' ? 'ContentUri' : 'Content');
    const dir = localDir(template, stringOf(content));
    if (dir) dirs.push(dir);
  }
  return dirs;
}

function localDir(template: Template, location: string | undefined): string | undefined {
  if (!location || /^[a-z][a-z0-9+.-]*:\/\//i.test(location) || !path.isAbsolute(template.fileName)) return undefined;
  return path.resolve(path.dirname(template.fileName), location);
}

/** What to measure for one template: the handlers to look for and the folders to weigh. */
export interface CodeQueries {
  readonly handlers: readonly { readonly dir: string; readonly handler: string; readonly runtime: string }[];
  readonly packages: readonly string[];
}

export function codeQueriesOf(template: Template): CodeQueries {
  const handlers: { dir: string; handler: string; runtime: string }[] = [];
  const packages = new Set<string>();
  for (const fn of template.functions) {
    const dir = codeDirOf(template, fn);
    if (!dir) continue;
    packages.add(dir);
    for (const layer of layerDirsOf(template, fn)) packages.add(layer);
    const handler = fn.handler?.value;
    const runtime = fn.runtime?.value;
    if (handler && runtime && handlerLanguage(runtime)) handlers.push({ dir, handler, runtime });
  }
  return { handlers, packages: [...packages] };
}
