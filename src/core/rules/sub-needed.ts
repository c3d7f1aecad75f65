import type { Node, ScalarNode, Span } from '../model/nodes';
import { mapAt, valueOf } from '../model/nodes';
import { analysedRoot } from '../model/language-extensions/loops';
import { PSEUDO_PARAMETERS } from '../model/references';
import type { Template } from '../model/template';
import { defineRule } from './define';
import type { Fix } from './types';

/**
 * Properties whose strings are another language's text, where `${name}` belongs to that language: inline code,
 * state machine definitions and their substitutions (Step Functions replaces `${name}` itself), OpenAPI bodies,
 * VTL mapping templates, build specs. A miss there is not worth a false alarm in someone's shell script.
 */
const FOREIGN_TEXT: ReadonlySet<string> = new Set([
  'ZipFile',
  'InlineCode',
  'DefinitionBody',
  'Definition',
  'DefinitionString',
  'DefinitionSubstitutions',
  'RequestTemplates',
  'ResponseTemplates',
  'RequestMappingTemplate',
  'ResponseMappingTemplate',
  'Code',
  'BuildSpec',
]);
/**
 * Intrinsics whose arguments are not plain template strings: Fn::Sub substitutes them itself, Fn::Transform passes them
 * to a macro.
 */
const NOT_PLAIN = new Set(['Fn::Sub', 'Fn::Transform']);
const VARIABLE = /\$\{([^}!][^}]*)\}/g;
/**
 * Variables of a preprocessor (the Serverless Framework's `${self:...}`, `${opt:...}`): a template written for one is
 * not read by CloudFormation as written, and the preprocessor fills `${Stage}` too.
 */
const PREPROCESSOR_VARIABLE = /\$\{(self|opt|env|sls|file\(|cf|ssm|s3):/;

interface PlainString {
  readonly node: ScalarNode & { value: string };
  readonly logicalId?: string;
}

/** Every plain string under `node`, leaving out foreign text and the arguments of Fn::Sub. */
function plainStrings(node: Node, logicalId: string | undefined, out: PlainString[]): void {
  const stack: Node[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.kind === 'scalar') {
      if (typeof next.value === 'string' && next.value.includes('${'))
        out.push({ node: next as PlainString['node'], logicalId });
    } else if (next.kind === 'seq') {
      stack.push(...next.items);
    } else if (next.kind === 'map') {
      for (const e of next.entries) if (!FOREIGN_TEXT.has(e.key)) stack.push(e.value);
    } else if (!NOT_PLAIN.has(next.name)) {
      stack.push(next.argument);
    }
  }
}

/** Resource properties, SAM Globals and Output values: where CloudFormation reads strings as values. */
function candidates(template: Template): PlainString[] {
  const root = analysedRoot(template);
  const out: PlainString[] = [];
  for (const r of mapAt(root, 'Resources')?.entries ?? []) {
    const properties = valueOf(r.value, 'Properties');
    if (properties) plainStrings(properties, r.key, out);
  }
  const globals = valueOf(root, 'Globals');
  if (globals) plainStrings(globals, undefined, out);
  for (const o of mapAt(root, 'Outputs')?.entries ?? []) {
    for (const key of ['Value', 'Export']) {
      const value = valueOf(o.value, key);
      if (value) plainStrings(value, undefined, out);
    }
  }
  // A loop's body is copied once per item with the same spans: one finding per place in the text.
  const seen = new Set<number>();
  return out.filter((c) => !seen.has(c.node.span.start) && seen.add(c.node.span.start));
}

/** What a `${name}` would have substituted: a parameter, a pseudo parameter, a resource or one of its attributes. */
function templateName(template: Template, name: string): string | undefined {
  if (PSEUDO_PARAMETERS.includes(name)) return 'the pseudo parameter';
  if (template.parameters.some((p) => p.name === name)) return 'the parameter';
  if (template.resourceById.has(name)) return 'the resource';
  const dot = name.indexOf('.');
  return dot > 0 && template.resourceById.has(name.slice(0, dot)) ? 'the attribute' : undefined;
}

function wrapInSub(template: Template, node: ScalarNode): Fix {
  const edit =
    template.format === 'json'
      ? { span: node.span, newText: `{"Fn::Sub": ${template.text.slice(node.span.start, node.span.end)}}` }
      : { span: { start: node.span.start, end: node.span.start }, newText: '!Sub ' };
  return { title: 'Wrap in Fn::Sub', edits: [edit], preferred: true };
}

export const subNeeded = defineRule({
  id: 'sub-needed',
  meta: {
    severity: 'warning',
    fixable: true,
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary:
        'A plain string (or a Fn::Join part) contains ${Name} naming a parameter, resource or pseudo parameter ' +
        'of the template, but is not inside Fn::Sub.',
      why:
        'Only Fn::Sub substitutes ${...}; anywhere else CloudFormation keeps the text as written, so the ' +
        'function receives the literal "${TableName}" or a policy names a resource "arn:aws:s3:::${Bucket}/*" ' +
        'that does not exist.',
      fact:
        'Fn::Sub substitutes ${Parameter}, ${Resource}, ${Resource.Attribute} and ${AWS::Region}-style pseudo ' +
        'parameters in its string; other intrinsics and plain values do not (CloudFormation user guide, ' +
        '"Fn::Sub"). Inline code, state machine definitions (Step Functions substitutes DefinitionSubstitutions ' +
        'itself), OpenAPI bodies, mapping templates and build specs are not checked, since ${...} there belongs ' +
        'to their own language.',
      example:
        'Environment:\n  Variables:\n    TABLE_ARN: ' +
        'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${OrdersTable}',
      fix: 'Wrap the string in !Sub (quick fix), or write ${!Name} to keep the text literally inside a Sub.',
    },
  },
  messages: {
    plain:
      "'${{{name}}}' names {{what}} {{name}}, but this string is not in Fn::Sub, so CloudFormation keeps it as " +
      'written.',
  },
  check(context) {
    const { template } = context;
    if (PREPROCESSOR_VARIABLE.test(template.text)) return;
    for (const { node, logicalId } of candidates(template)) {
      for (const match of node.value.matchAll(VARIABLE)) {
        const name = match[1].trim();
        const what = templateName(template, name);
        if (!what) continue;
        const source = template.text.slice(node.span.start, node.span.end);
        const at = source.indexOf(match[0]);
        const span: Span =
          at >= 0 ? { start: node.span.start + at, end: node.span.start + at + match[0].length } : node.span;
        context.report({
          messageId: 'plain',
          data: { name, what },
          span,
          fixes: [wrapInSub(template, node)],
          ...(logicalId ? { logicalId } : {}),
        });
        break;
      }
    }
  },
});
