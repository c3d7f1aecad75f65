import type { Span } from '../model/nodes';
import type { Template } from '../model/template';
import type { NavigationTarget } from './location';
import { valueOf } from '../model/nodes';
import type { Occurrence } from './symbol-index';
import { exportMatches } from './exports';
import { exportKey, symbolIndex } from './symbol-index';

export interface ReferenceOptions {
  readonly includeDeclaration: boolean;
  /** Other templates of the workspace: imports of an export live in other stacks. */
  readonly others?: readonly Template[];
}

/**
 * Every place the name under the cursor appears: its definition (when asked) and each use, inside `!Sub`
 * strings too. For an output with an export, the `Fn::ImportValue`s of every workspace template.
 */
export function referencesAt(template: Template, offset: number, options: ReferenceOptions): NavigationTarget[] {
  const index = symbolIndex(template);
  const here = index.at(offset);
  if (!here) return [];
  if (here.namespace === 'export' || here.namespace === 'output') return exportReferences(template, here, options);
  const out: NavigationTarget[] = [];
  const definition = index.definition(here.namespace, here.name);
  if (definition && options.includeDeclaration) out.push({ span: definition.span });
  for (const use of index.uses(here.namespace, here.name)) out.push({ span: use.span });
  return out;
}

function exportReferences(template: Template, here: Occurrence, options: ReferenceOptions): NavigationTarget[] {
  const exportName = here.namespace === 'output' ? exportOfOutput(template, here.name) : here.name;
  const out: NavigationTarget[] = [];
  if (options.includeDeclaration) out.push({ span: here.span });
  if (exportName === undefined) return out;
  const templates = options.others ?? [template];
  for (const other of templates.includes(template) ? templates : [template, ...templates]) {
    for (const use of symbolIndex(other).usedIn('export')) {
      if (exportMatches(exportName, use.name))
        out.push(other === template ? { span: use.span } : { fileName: other.fileName, span: use.span });
    }
  }
  return out;
}

function exportOfOutput(template: Template, outputName: string): string | undefined {
  const output = template.outputs.find((o) => o.name === outputName);
  const name = valueOf(valueOf(output?.value, 'Export'), 'Name');
  return name ? exportKey(name, template.text) : undefined;
}

export interface Highlight {
  readonly span: Span;
  readonly kind: 'write' | 'read';
}

/** The same name elsewhere in this document: its definition as a write, its uses as reads. */
export function highlightsAt(template: Template, offset: number): Highlight[] {
  const index = symbolIndex(template);
  const here = index.at(offset);
  if (!here) return [];
  const definition = index.definition(here.namespace, here.name);
  return [
    ...(definition ? [{ span: definition.span, kind: 'write' as const }] : []),
    ...index.uses(here.namespace, here.name).map((u) => ({ span: u.span, kind: 'read' as const })),
  ];
}
