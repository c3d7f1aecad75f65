import type { Span } from '../model/nodes';
import { PSEUDO_PARAMETERS } from '../model/references';
import type { Template } from '../model/template';
import type { SchemaCatalog } from '../schema/catalog';
import { symbolIndex, writtenResources } from '../navigation/symbol-index';
import type { CompletionProposal } from './items';

/** `!Ref` targets: parameters, resources (written and generated), pseudo parameters. */
export function refTargets(
  template: Template,
  replace: Span,
  catalog: SchemaCatalog | undefined,
): CompletionProposal[] {
  const out: CompletionProposal[] = [];
  for (const p of template.parameters)
    out.push({ label: p.name, kind: 'parameter', detail: 'Parameter', replace, sortText: `0${p.name}` });
  const refDocs = new Map<string, string | undefined>(); // a few types, thousands of resources
  for (const r of allResources(template)) {
    if (!refDocs.has(r.type)) {
      const ref = catalog?.deployed(r.type).spec?.ref;
      refDocs.set(r.type, ref ? `\`!Ref\` returns its ${ref}.` : undefined);
    }
    out.push({
      label: r.logicalId,
      kind: 'resource',
      detail: r.type,
      documentation: refDocs.get(r.type),
      replace,
      sortText: `1${r.logicalId}`,
    });
  }
  for (const name of PSEUDO_PARAMETERS)
    out.push({ label: name, kind: 'variable', detail: 'Pseudo parameter', replace, sortText: `2${name}` });
  return out;
}

/** `!GetAtt` targets: `Resource.Attribute` for each resource with attributes, or the attributes of one. */
export function getAttTargets(
  template: Template,
  typed: string,
  replace: Span,
  catalog: SchemaCatalog,
): CompletionProposal[] {
  const dot = typed.indexOf('.');
  if (dot > 0) {
    const logicalId = typed.slice(0, dot);
    const resource =
      template.resourceById.get(logicalId) ?? allResources(template).find((r) => r.logicalId === logicalId);
    if (!resource) return [];
    const attrReplace = { start: replace.start + dot + 1, end: replace.end };
    return Object.entries(catalog.attributes(resource.type)).map(([name, doc]) => ({
      label: name,
      kind: 'attribute',
      detail: `${logicalId} (${resource.type})`,
      documentation: doc,
      replace: attrReplace,
    }));
  }
  return allResources(template).map((r) => ({
    label: r.logicalId,
    kind: 'resource',
    detail: r.type,
    insertText: `${r.logicalId}.`,
    replace,
    retrigger: true,
    sortText: r.logicalId,
  }));
}

/** `${...}` inside `!Sub`: everything `!Ref` takes, and `Resource.Attribute` pairs. */
export function subTargets(
  template: Template,
  typed: string,
  replace: Span,
  catalog: SchemaCatalog,
): CompletionProposal[] {
  if (typed.includes('.')) return getAttTargets(template, typed, replace, catalog);
  return refTargets(template, replace, catalog);
}

export function conditionNames(template: Template, replace: Span): CompletionProposal[] {
  return symbolIndex(template)
    .defined('condition')
    .map((c) => ({ label: c.name, kind: 'condition', detail: 'Condition', replace }));
}

export function mappingNames(template: Template, replace: Span): CompletionProposal[] {
  return symbolIndex(template)
    .defined('mapping')
    .map((m) => ({ label: m.name, kind: 'mapping', detail: 'Mapping', replace }));
}

export function resourceNames(template: Template, replace: Span): CompletionProposal[] {
  return writtenResources(template).map((r) => ({ label: r.logicalId, kind: 'resource', detail: r.type, replace }));
}

function allResources(template: Template): { logicalId: string; type: string }[] {
  const written = writtenResources(template);
  const ids = new Set(written.map((r) => r.logicalId));
  return [...written, ...template.resources.filter((r) => !ids.has(r.logicalId))];
}
