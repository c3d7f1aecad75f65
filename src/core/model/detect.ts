import type { Node } from './nodes';
import { entryOf, itemsOf, mapAt, stringOf, valueOf } from './nodes';
import type { TemplateKind } from './template';
import { LANGUAGE_EXTENSIONS_TRANSFORM } from './language-extensions/for-each';

/** The transform that makes a template SAM (SAM developer guide, "AWS SAM template anatomy"). */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** The names `Transform` lists (a name or a list of names); undefined for one that is not plain text. */
export function transformNames(root: Node | undefined): (string | undefined)[] {
  const transform = valueOf(root, 'Transform');
  return (transform?.kind === 'seq' ? itemsOf(transform) : transform ? [transform] : []).map(stringOf);
}

/** Whether `Transform` includes `name`. */
export function hasTransform(root: Node | undefined, name: string): boolean {
  return transformNames(root).includes(name);
}

/** Which kind of template a parsed document is, or undefined for YAML/JSON that is none (a workflow, a manifest). */
export function detectKind(root: Node | undefined): TemplateKind | undefined {
  if (root?.kind !== 'map') return undefined;
  if (hasTransform(root, SAM_TRANSFORM)) return 'sam';
  if (entryOf(root, 'service') && entryOf(root, 'provider')) return 'serverless';
  if (hasTransform(root, LANGUAGE_EXTENSIONS_TRANSFORM)) return 'cloudformation';
  // Resources of SAM types make a SAM template even when the Transform line is missing (the deploy would
  // then fail, which is a finding for the rules, not a reason to show the template without its SAM resources).
  const resources = mapAt(root, 'Resources');
  const types = resources?.entries.map((e) => stringOf(valueOf(e.value, 'Type')) ?? '') ?? [];
  if (types.some((t) => t.startsWith('AWS::Serverless::'))) return 'sam';
  if (entryOf(root, 'AWSTemplateFormatVersion')) return 'cloudformation';
  return types.some((t) => /^(AWS|Alexa)::/.test(t)) ? 'cloudformation' : undefined;
}

/** File names that are templates by convention: a broken one still deserves an error, not silence. */
export function isConventionalTemplateName(fileName: string): boolean {
  return /(^|[\\/])(template\.(ya?ml|json)|serverless\.(ya?ml|json))$/i.test(fileName);
}

/**
 * A cheap look at raw text, used before parsing to decide whether a YAML/JSON document could be a
 * template at all (the extension activates on every YAML file and must not parse them all).
 */
export function mightBeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|AWS::Serverless-2016-10-31|"?Resources"?\s*:|^\s*"?service"?\s*:/m.test(
    text.slice(0, 200_000),
  );
}
