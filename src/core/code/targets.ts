import * as path from 'path';
import type { Node } from '../model/nodes';
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
  if (fn.packageType === 'Image' || !fn.codeUri || (fn.codeUri.node && fn.codeUri.node.kind !== 'scalar'))
    return undefined;
  const props = fn.resource.properties;
  if (valueOf(props, 'InlineCode') || valueOf(valueOf(props, 'Code'), 'ZipFile')) return undefined;
  return localDir(template, fn.codeUri.value);
}

/**
 * Archives Lambda takes as the deployment package itself (Lambda developer guide, "Deploying Lambda functions as .zip
 * file archives"; Java also as .jar: "Deploy Java Lambda functions with .zip or JAR file archives").
 */
const ARCHIVE_EXTENSIONS = ['.zip', '.jar'];

export function isArchive(location: string): boolean {
  return ARCHIVE_EXTENSIONS.includes(path.extname(location).toLowerCase());
}

/** Local folders of the layers a function uses, when they are defined in the same template. */
export function layerDirsOf(template: Template, fn: FunctionView): string[] {
  const dirs: string[] = [];
  for (const layer of fn.layers) {
    const resource = resourceNamedBy(template, layer);
    const content = valueOf(
      resource?.properties,
      resource?.type === 'AWS::Serverless::LayerVersion' ? 'ContentUri' : 'Content',
    );
    const dir = localDir(template, stringOf(content));
    if (dir) dirs.push(dir);
  }
  return dirs;
}

function localDir(template: Template, location: string | undefined): string | undefined {
  if (!location || /^[a-z][a-z0-9+.-]*:\/\//i.test(location) || !path.isAbsolute(template.fileName)) return undefined;
  return path.resolve(path.dirname(template.fileName), location);
}

/**
 * Whether something other than the runtime starts the function: a wrapper script named by
 * `AWS_LAMBDA_EXEC_WRAPPER` (Lambda developer guide, "Modifying the runtime environment", wrapper scripts) takes
 * over the start, and the Lambda Web Adapter (its layer `LambdaAdapterLayer...`, wrapper `/opt/bootstrap`) runs
 * the handler as a script (`run.sh`) that starts a web server. The handler then names no `<file>.<export>`.
 */
export function startedByWrapper(fn: FunctionView): boolean {
  if (fn.environment.some((v) => v.name === 'AWS_LAMBDA_EXEC_WRAPPER')) return true;
  return fn.layers.some((layer) => WEB_ADAPTER_LAYER.test(stringOf(layer) ?? subTemplateOf(layer) ?? ''));
}

/**
 * The Lambda Web Adapter's published layers: `arn:aws:lambda:<region>:753240598075:layer:LambdaAdapterLayerX86:<n>`
 * (and `...Arm64`).
 */
const WEB_ADAPTER_LAYER = /:layer:LambdaAdapterLayer/;

/** The text of a `!Sub` layer ARN, which is how templates name a layer in the template's Region. */
function subTemplateOf(node: Node): string | undefined {
  if (node.kind !== 'intrinsic' || !/Sub$/.test(node.name)) return undefined;
  return stringOf(node.argument.kind === 'seq' ? node.argument.items[0] : node.argument);
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
    if (handler && runtime && handlerLanguage(runtime) && !startedByWrapper(fn))
      handlers.push({ dir, handler, runtime });
  }
  return { handlers, packages: [...packages] };
}
