import type { MapNode, SeqNode, Span } from '../model/nodes';
import { entryOf } from '../model/nodes';
import { hasTransform, SAM_TRANSFORM } from '../model/detect';
import type { Template } from '../model/template';
import { defineRule } from './define';
import { RawText, replaceNode } from './edits';
import { typeScalar, writtenResources } from './resource-entries';
import type { Fix, TextEdit } from './types';

/** Root keys that stay above the Transform line when the fix adds it. */
const HEADER_KEYS = ['AWSTemplateFormatVersion', 'Description'];
const SAM_TYPE_PREFIX = 'AWS::Serverless::';

/** Where SAM is used: the Globals key, then every SAM type, in document order. */
function samUses(template: Template): Span[] {
  const globals = entryOf(template.root, 'Globals');
  const types = writtenResources(template).flatMap((w) => {
    const type = typeScalar(w);
    return type?.value.startsWith(SAM_TYPE_PREFIX) ? [type.span] : [];
  });
  return [...(globals ? [globals.keySpan] : []), ...types].sort((a, b) => a.start - b.start);
}

/** `Transform: AWS::Serverless-2016-10-31` after the header keys (YAML) or as a member after them (JSON). */
function addTransform(template: Template, root: MapNode): TextEdit {
  const text = template.text;
  const header = root.entries.filter((e) => HEADER_KEYS.includes(e.key)).pop();
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  if (template.format === 'json') {
    const member = `"Transform": ${JSON.stringify(SAM_TRANSFORM)}`;
    if (header)
      return {
        span: { start: header.value.span.end, end: header.value.span.end },
        newText: `,${newline}${indentOf(text, header.keySpan.start)}${member}`,
      };
    const first = root.entries[0];
    if (!first) return { span: { start: root.span.start + 1, end: root.span.start + 1 }, newText: member };
    return {
      span: { start: first.keySpan.start, end: first.keySpan.start },
      newText: `${member},${newline}${indentOf(text, first.keySpan.start)}`,
    };
  }
  const line = `Transform: ${SAM_TRANSFORM}${newline}`;
  const next = header ? root.entries[root.entries.indexOf(header) + 1] : root.entries[0];
  if (!next)
    return { span: { start: text.length, end: text.length }, newText: `${/\n$/.test(text) ? '' : newline}${line}` };
  const at = text.lastIndexOf('\n', next.keySpan.start - 1) + 1;
  return { span: { start: at, end: at }, newText: line };
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset);
}

/** SAM appended to a list of transforms (it runs after AWS::LanguageExtensions, as CloudFormation requires). */
function appendToList(template: Template, list: SeqNode): TextEdit | undefined {
  const last = list.items[list.items.length - 1];
  if (!last) return undefined;
  const text = template.text;
  const at = { start: last.span.end, end: last.span.end };
  if (template.format === 'json') return { span: at, newText: `, ${JSON.stringify(SAM_TRANSFORM)}` };
  if (text[list.span.start] === '[') return { span: at, newText: `, ${SAM_TRANSFORM}` };
  const dash = text.slice(text.lastIndexOf('\n', last.span.start - 1) + 1, last.span.start);
  return /^\s*-\s+$/.test(dash)
    ? { span: at, newText: `${text.includes('\r\n') ? '\r\n' : '\n'}${dash}${SAM_TRANSFORM}` }
    : undefined;
}

function fixesFor(template: Template, root: MapNode): Fix[] {
  const transform = entryOf(root, 'Transform');
  const title = `Add Transform: ${SAM_TRANSFORM}`;
  const edit = !transform
    ? addTransform(template, root)
    : transform.value.kind === 'seq'
      ? appendToList(template, transform.value)
      : transform.value.kind === 'scalar' && typeof transform.value.value === 'string'
        ? // One other transform (AWS::LanguageExtensions) becomes a list, SAM after it.
          replaceNode(
            template,
            transform.value,
            new RawText(
              `[${transform.value.value}, ${SAM_TRANSFORM}]`,
              JSON.stringify([transform.value.value, SAM_TRANSFORM]),
            ),
          )
        : undefined;
  return edit ? [{ title, edits: [edit], preferred: true }] : [];
}

export const samTransformMissing = defineRule({
  id: 'sam-transform-missing',
  meta: {
    severity: 'error',
    fixable: true,
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary: 'The template uses Globals or AWS::Serverless::* types without Transform: AWS::Serverless-2016-10-31.',
      why:
        'Without the transform CloudFormation reads the SAM types as unknown ("Unrecognized resource types: ' +
        '[AWS::Serverless::Function]") and Globals as an invalid section, and rejects the template.',
      fact:
        'The Transform declaration AWS::Serverless-2016-10-31 is required for SAM templates (SAM developer ' +
        'guide, "AWS SAM template anatomy"); Transform may be one name or a list (CloudFormation user guide, ' +
        '"Transform section").',
      example: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: AWS::Serverless::Function",
      fix:
        'Add Transform: AWS::Serverless-2016-10-31 after AWSTemplateFormatVersion and Description (quick fix), ' +
        'or add it to the Transform list.',
    },
  },
  messages: {
    missing:
      "This template uses {{what}} but does not declare 'Transform: {{transform}}', so CloudFormation cannot read it.",
  },
  check(context) {
    const { template } = context;
    const root = template.root;
    if (!root || hasTransform(root, SAM_TRANSFORM)) return;
    const [first, ...others] = samUses(template);
    if (!first) return;
    const what = template.text.slice(first.start, first.end).replace(/^["']|["']$/g, '');
    context.report({
      messageId: 'missing',
      data: { what, transform: SAM_TRANSFORM },
      span: first,
      related: others.map((span) => ({ span, message: 'also SAM' })),
      fixes: fixesFor(template, root),
    });
  },
});
