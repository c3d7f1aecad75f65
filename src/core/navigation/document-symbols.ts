import type { MapNode, Span } from '../model/nodes';
import { itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import { writtenResources } from './symbol-index';

export type SymbolKind =
  | 'section'
  | 'type'
  | 'parameter'
  | 'condition'
  | 'mapping'
  | 'resource'
  | 'function'
  | 'event'
  | 'output'
  | 'variable';

/** One entry of the outline: the whole definition's span, the name's span, and nested entries. */
export interface TemplateSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly TemplateSymbol[];
}

/**
 * The outline of a template: Parameters, Conditions, Mappings, Resources grouped by type (functions with
 * their events) and Outputs; for serverless.yml, custom variables, functions with their events and the
 * CloudFormation resources.
 */
export function documentSymbols(template: Template): TemplateSymbol[] {
  const root = template.root;
  if (!root) return [];
  return template.kind === 'serverless' ? serverlessSymbols(template, root) : cloudFormationSymbols(template, root);
}

function cloudFormationSymbols(template: Template, root: MapNode): TemplateSymbol[] {
  const sections: TemplateSymbol[] = [];
  const section = (key: string, children: TemplateSymbol[]): void => {
    const entry = root.entries.find((e) => e.key === key);
    const count = children.reduce((n, c) => n + (c.kind === 'type' ? c.children.length : 1), 0);
    if (entry && children.length > 0)
      sections.push(node(key, `${count}`, 'section', entry.keySpan, entry.value.span, children));
  };
  section(
    'Parameters',
    template.parameters.map((p) =>
      node(p.name, stringOf(valueOf(p.value, 'Type')) ?? '', 'parameter', p.nameSpan, p.value.span),
    ),
  );
  section(
    'Conditions',
    template.conditions.map((c) => node(c.name, '', 'condition', c.nameSpan, c.value.span)),
  );
  section(
    'Mappings',
    template.mappings.map((m) => node(m.name, '', 'mapping', m.nameSpan, m.value.span)),
  );
  section('Resources', resourcesByType(template));
  section(
    'Outputs',
    template.outputs.map((o) =>
      node(o.name, stringOf(valueOf(o.value, 'Description')) ?? '', 'output', o.nameSpan, o.value.span),
    ),
  );
  return sections;
}

function resourcesByType(template: Template): TemplateSymbol[] {
  const byType = new Map<string, TemplateSymbol[]>();
  for (const r of writtenResources(template)) {
    const list = byType.get(r.type) ?? [];
    byType.set(r.type, list);
    const isFunction = r.type === 'AWS::Serverless::Function';
    const events = isFunction ? (mapAt(mapAt(r.node, 'Properties'), 'Events')?.entries ?? []) : [];
    const children = events.map((e) =>
      node(e.key, stringOf(valueOf(e.value, 'Type')) ?? '', 'event', e.keySpan, e.value.span),
    );
    list.push(
      node(
        r.logicalId,
        r.type,
        isFunction || r.type === 'AWS::Lambda::Function' ? 'function' : 'resource',
        r.idSpan,
        r.node?.span ?? r.idSpan,
        children,
      ),
    );
  }
  return [...byType].map(([type, resources]) => group(type, resources));
}

function serverlessSymbols(template: Template, root: MapNode): TemplateSymbol[] {
  const sections: TemplateSymbol[] = [];
  const custom = root.entries.find((e) => e.key === 'custom');
  if (custom?.value.kind === 'map') {
    sections.push(
      node(
        'custom',
        '',
        'section',
        custom.keySpan,
        custom.value.span,
        custom.value.entries.map((e) => node(e.key, stringOf(e.value) ?? '', 'variable', e.keySpan, e.value.span)),
      ),
    );
  }
  const functions = root.entries.find((e) => e.key === 'functions');
  if (functions?.value.kind === 'map') {
    sections.push(
      node(
        'functions',
        `${functions.value.entries.length}`,
        'section',
        functions.keySpan,
        functions.value.span,
        functions.value.entries.map((f) =>
          node(
            f.key,
            stringOf(valueOf(f.value, 'handler')) ?? '',
            'function',
            f.keySpan,
            f.value.span,
            itemsOf(valueOf(f.value, 'events')).flatMap((event, i) => {
              const entry = event.kind === 'map' ? event.entries[0] : undefined;
              return entry
                ? [
                    node(
                      `${entry.key}${itemsOf(valueOf(f.value, 'events')).length > 1 ? ` #${i + 1}` : ''}`,
                      eventDetail(entry.value),
                      'event',
                      entry.keySpan,
                      event.span,
                    ),
                  ]
                : [];
            }),
          ),
        ),
      ),
    );
  }
  const resources = resourcesByType(template);
  const section = mapAt(root, 'resources');
  const entry = root.entries.find((e) => e.key === 'resources');
  if (entry && section && resources.length > 0)
    sections.push(node('resources', '', 'section', entry.keySpan, entry.value.span, resources));
  return sections;
}

/** `http` → "POST subscribers", `sqs` → its ARN expression, `schedule` → the rate. */
function eventDetail(value: MapNode['entries'][number]['value']): string {
  const scalar = stringOf(value);
  if (scalar) return scalar;
  const method = stringOf(valueOf(value, 'method'));
  const pathValue = stringOf(valueOf(value, 'path'));
  return [method?.toUpperCase(), pathValue].filter(Boolean).join(' ');
}

function node(
  name: string,
  detail: string,
  kind: SymbolKind,
  selectionSpan: Span,
  valueSpan: Span,
  children: TemplateSymbol[] = [],
): TemplateSymbol {
  return {
    name,
    detail,
    kind,
    span: { start: selectionSpan.start, end: Math.max(selectionSpan.end, valueSpan.end) },
    selectionSpan,
    children,
  };
}

function group(type: string, resources: TemplateSymbol[]): TemplateSymbol {
  const start = Math.min(...resources.map((r) => r.span.start));
  const end = Math.max(...resources.map((r) => r.span.end));
  const first = resources.reduce((a, b) => (a.span.start <= b.span.start ? a : b));
  return {
    name: type,
    detail: `${resources.length}`,
    kind: 'type',
    span: { start, end },
    selectionSpan: first.selectionSpan,
    children: resources,
  };
}

/** Every named thing of the templates, flat, for "Go to Symbol in Workspace". */
export function workspaceSymbols(
  templates: readonly Template[],
  query: string,
): { template: Template; symbol: TemplateSymbol; container: string }[] {
  const q = query.toLowerCase();
  const out: { template: Template; symbol: TemplateSymbol; container: string }[] = [];
  const visit = (template: Template, symbols: readonly TemplateSymbol[], container: string): void => {
    for (const s of symbols) {
      if (s.kind !== 'section' && s.kind !== 'type' && matchesFuzzy(s.name.toLowerCase(), q))
        out.push({ template, symbol: s, container });
      visit(template, s.children, s.kind === 'section' || s.kind === 'type' ? container : s.name);
    }
  };
  for (const t of templates) visit(t, documentSymbols(t), '');
  return out;
}

/** VS Code's rule for workspace symbols: the query's characters appear in order. */
function matchesFuzzy(name: string, query: string): boolean {
  let i = 0;
  for (const c of name) if (c === query[i]) i++;
  return i === query.length;
}
