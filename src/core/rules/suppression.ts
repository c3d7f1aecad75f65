import type { Node, SeqNode, Span } from '../model/nodes';
import { itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import type { Resource, Template } from '../model/template';
import { insertPath, lineStart, RawText } from './edits';
import type { Fix, TextEdit } from './types';

/** The Metadata key under which users list the rules to ignore: `serverless-workbench: { ignore: [id, ...] }`. */
export const SUPPRESSION_KEY = 'serverless-workbench';

/**
 * Answers "is rule X suppressed here?" for one template: `Metadata` at the top of the template (or `custom` in
 * serverless.yml) silences a rule everywhere; `Metadata` on a resource silences it for findings about that
 * resource, including those that land in Globals or on resources it generates.
 */
export class Suppressions {
  private readonly templateWide: ReadonlySet<string>;
  private readonly byResource = new Map<string, ReadonlySet<string>>();
  private readonly written: readonly Resource[];

  constructor(private readonly template: Template) {
    const topLevel =
      template.kind === 'serverless' ? valueOf(template.root, 'custom') : valueOf(template.root, 'Metadata');
    this.templateWide = ignoreList(topLevel);
    this.written = template.resources.filter((r) => r.origin === 'written' && r.node);
    for (const r of this.written) {
      const ids = ignoreList(valueOf(r.node, 'Metadata'));
      if (ids.size > 0) this.byResource.set(r.logicalId, ids);
    }
  }

  get any(): boolean {
    return this.templateWide.size > 0 || this.byResource.size > 0;
  }

  /** `span` is where the finding lands in the template; undefined when it lands in another file. */
  isSuppressed(ruleId: string, span: Span | undefined, logicalId: string | undefined): boolean {
    if (this.templateWide.has(ruleId)) return true;
    if (this.byResource.size === 0) return false;
    const owner = logicalId !== undefined ? this.owner(logicalId) : span && this.resourceAt(span)?.logicalId;
    return owner !== undefined && (this.byResource.get(owner)?.has(ruleId) ?? false);
  }

  /** A generated resource answers to the written one that generates it. */
  private owner(logicalId: string): string {
    const resource = this.template.resourceById.get(logicalId);
    return resource?.generatedBy?.logicalId ?? logicalId;
  }

  /** Written resources are in document order, so the one containing a span is found by binary search. */
  private resourceAt(span: Span): Resource | undefined {
    let lo = 0;
    let hi = this.written.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.written[mid];
      if (span.start < r.span.start) hi = mid - 1;
      else if (span.start >= r.span.end) lo = mid + 1;
      else return r;
    }
    return undefined;
  }
}

function ignoreList(metadata: Node | undefined): ReadonlySet<string> {
  const ignore = valueOf(mapAt(metadata, SUPPRESSION_KEY), 'ignore');
  const items = ignore?.kind === 'seq' ? itemsOf(ignore) : ignore ? [ignore] : [];
  return new Set(items.map(stringOf).filter((s): s is string => s !== undefined));
}

/**
 * "Ignore <rule> for <resource>" (or for the whole template): adds the rule id to the `ignore` list under
 * `Metadata: serverless-workbench:`, creating what is missing, on new lines or inside an existing list.
 */
export function suppressionFix(template: Template, ruleId: string, logicalId: string | undefined): Fix | undefined {
  const root = template.root;
  const target = logicalId !== undefined ? template.resourceById.get(logicalId) : undefined;
  const resource = target?.generatedBy ? template.resourceById.get(target.generatedBy.logicalId) : target;
  // A resource's own map, when it is a CloudFormation resource as written (a serverless.yml function is not).
  const own = resource?.origin === 'written' && valueOf(resource.node, 'Type') ? resource.node : undefined;
  if (logicalId !== undefined && !own) return undefined;
  if (!root || (own ?? root).entries.length === 0) return undefined;
  const section = own ? 'Metadata' : template.kind === 'serverless' ? 'custom' : 'Metadata';
  const owner = own ?? root;
  const ignore = valueOf(mapAt(valueOf(owner, section), SUPPRESSION_KEY), 'ignore');
  let edit: TextEdit;
  if (ignore?.kind === 'seq' && ignore.items.length > 0) {
    edit = appendItem(template, ignore, ruleId);
  } else if (ignore) {
    return undefined;
  } else {
    const list = new RawText(`[${ruleId}]`, JSON.stringify([ruleId]));
    edit = insertPath(template, owner, [section, SUPPRESSION_KEY, 'ignore'], list, own ? undefined : 'Resources');
  }
  return { title: `Ignore ${ruleId} for ${own ? `'${resource!.logicalId}'` : 'this template'}`, edits: [edit] };
}

function appendItem(template: Template, list: SeqNode, item: string): TextEdit {
  const last = list.items[list.items.length - 1];
  const flow = template.text[list.span.start] === '[';
  if (flow || template.format === 'json') {
    return {
      span: { start: last.span.end, end: last.span.end },
      newText: `, ${template.format === 'json' ? JSON.stringify(item) : item}`,
    };
  }
  const dash = lineStart(template.text, last.span.start);
  const indent = template.text.slice(dash, last.span.start);
  return { span: { start: last.span.end, end: last.span.end }, newText: `\n${indent}${item}` };
}
