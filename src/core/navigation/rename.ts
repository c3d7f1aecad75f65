import type { Span } from '../model/nodes';
import { isPseudoParameter } from '../model/references';
import type { Template } from '../model/template';
import type { Namespace } from './symbol-index';
import { symbolIndex } from './symbol-index';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export type RenameResult = { readonly edits: readonly TextEdit[] } | { readonly error: string };
export type PrepareRenameResult = { readonly span: Span; readonly placeholder: string } | { readonly error: string };

const RENAMEABLE: ReadonlySet<Namespace> = new Set(['id', 'condition', 'mapping']);
const WHAT: Record<string, string> = { id: 'logical ID', condition: 'condition', mapping: 'mapping' };
/** CloudFormation: logical IDs (and condition and mapping names) are alphanumeric, at most 255 characters. */
const VALID_NAME = /^[A-Za-z0-9]{1,255}$/;

/** Whether the name under the cursor can be renamed, and the exact span the editor should select. */
export function prepareRename(template: Template, offset: number): PrepareRenameResult {
  const index = symbolIndex(template);
  const here = index.at(offset);
  if (!here || !RENAMEABLE.has(here.namespace)) {
    return { error: 'Place the cursor on a resource, parameter, condition or mapping name to rename it.' };
  }
  if (here.namespace === 'id' && isPseudoParameter(here.name))
    return { error: `${here.name} is a pseudo parameter; it cannot be renamed.` };
  if (!index.definition(here.namespace, here.name)) {
    const generated = here.namespace === 'id' ? template.resourceById.get(here.name)?.generatedBy : undefined;
    return generated
      ? {
          error:
            `${here.name} is generated from ${generated.logicalId}; rename ${generated.logicalId} instead and ` +
            `its generated names follow.`,
        }
      : { error: `${here.name} is not defined in this template, so there is nothing to rename.` };
  }
  const definition = index.definition(here.namespace, here.name)!;
  if (template.text.slice(definition.span.start, definition.span.end) !== here.name) {
    const written = template.text.slice(definition.span.start, definition.span.end);
    const loop = here.namespace === 'id' ? template.resourceById.get(here.name)?.expandedFrom : undefined;
    return loop
      ? { error: `${here.name} is made by the loop Fn::ForEach::${loop.loop} from ${written}; edit the loop instead.` }
      : { error: `${here.name} is the name the framework derives from '${written}'; rename '${written}' instead.` };
  }
  return { span: here.span, placeholder: here.name };
}

/**
 * Renames a logical ID, parameter, condition or mapping with every use (Ref, GetAtt in both forms, `${}`
 * in Sub strings, DependsOn, Condition, If, FindInMap, connectors). Uses of names generated from a
 * renamed resource (`MyFunctionRole` for `MyFunction`) follow. Refuses invalid and taken names.
 */
export function renameAt(template: Template, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(template, offset);
  if ('error' in prepared) return prepared;
  const index = symbolIndex(template);
  const here = index.at(offset)!;
  const oldName = here.name;
  if (newName === oldName) return { edits: [] };
  if (!VALID_NAME.test(newName)) {
    return {
      error:
        `'${newName}' is not a valid ${WHAT[here.namespace]}: use only letters A–Z, a–z and digits 0–9 (at most ` +
        `255).`,
    };
  }
  const taken = (name: string): boolean =>
    index.definition(here.namespace, name) !== undefined ||
    (here.namespace === 'id' && template.resourceById.has(name));
  if (taken(newName))
    return { error: `'${newName}' is already used by another ${WHAT[here.namespace]} in this template.` };

  const edits: TextEdit[] = [];
  const definition = index.definition(here.namespace, oldName)!;
  edits.push({ span: definition.span, newText: newName });
  for (const use of index.uses(here.namespace, oldName)) edits.push({ span: use.span, newText: newName });
  if (here.namespace === 'id') {
    for (const generated of template.resources) {
      if (generated.generatedBy?.logicalId !== oldName || !generated.logicalId.startsWith(oldName)) continue;
      const renamed = newName + generated.logicalId.slice(oldName.length);
      const uses = index.uses('id', generated.logicalId);
      if (uses.length > 0 && taken(renamed))
        return { error: `Renaming would turn ${generated.logicalId} into ${renamed}, which is already used.` };
      for (const use of uses)
        edits.push({ span: { start: use.span.start, end: use.span.start + oldName.length }, newText: newName });
    }
  }
  return { edits: edits.sort((a, b) => a.span.start - b.span.start) };
}
