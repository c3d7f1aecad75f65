import type { Node } from './nodes';
import { entryOf, itemsOf, mapAt, stringOf, valueOf } from './nodes';
import type { TemplateKind } from './template';

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Which kind of template a parsed document is, or undefined for YAML/JSON that is none (a workflow, a manifest). */
export function detectKind(root: Node | undefined): TemplateKind | undefined {
  if (root?.kind !== 'map') return undefined;
  const transform = valueOf(root, 'Transform');
  const transforms = transform?.kind === 'seq' ? itemsOf(transform) : transform ? [transform] : [];
  if (transforms.some((t) => stringOf(t) === SAM_TRANSFORM)) return 'sam';
  if (entryOf(root, 'service') && entryOf(root, 'provider')) return 'serverless';
  if (entryOf(root, 'AWSTemplateFormatVersion')) return 'cloudformation';
  const resources = mapAt(root, 'Resources');
  if (resources?.entries.some((e) => /^(AWS|Alexa)::/.test(stringOf(valueOf(e.value, 'Type')) ?? ''))) {
    return resources.entries.some((e) => (stringOf(valueOf(e.value, 'Type')) ?? '').startsWith('AWS::Serverless::'))
      ? 'sam'
      : 'cloudformation';
  }
  return undefined;
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
  return /AWSTemplateFormatVersion|AWS::Serverless-2016-10-31|"?Resources"?\s*:|^\s*"?service"?\s*:/m.test(text.slice(0, 200_000));
}
