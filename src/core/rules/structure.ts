import { entryOf } from '../model/nodes';
import { deployedResources } from '../model/sam/transformed';
import type { ParseProblem } from '../model/parse-result';
import type { Template } from '../model/template';
import { defineRule } from './define';
import type { Rule } from './types';
import { formatInteger } from '../format-number';

/** CloudFormation template limits (CloudFormation user guide, "CloudFormation quotas"). */
export const TEMPLATE_LIMITS = {
  resources: 500,
  parameters: 200,
  outputs: 200,
  mappings: 200,
  logicalIdLength: 255,
  /** Body passed inline to CreateStack/UpdateStack. */
  inlineBodyBytes: 51_200,
  /** Body uploaded to S3 (cfn-lint uses 1,000,000 bytes, rule E1002). */
  s3BodyBytes: 1_000_000,
} as const;

/**
 * Problems the model found while reading become findings under their own code, so they can be configured like rules.
 */
function problemRule(
  code: ParseProblem['code'],
  docs: { summary: string; why: string; fact: string; example: string; fix: string },
): Rule {
  return defineRule({
    id: code,
    meta: { severity: 'error', docs },
    messages: { problem: '{{message}}' },
    check(context) {
      for (const p of context.template.problems) {
        if (p.code !== code) continue;
        context.report({
          messageId: 'problem',
          data: { message: p.message },
          span: p.span,
          related: p.related,
          severity: p.severity,
        });
      }
    },
  });
}

const PARSER_FACT =
  'CloudFormation parses templates as YAML 1.1 or JSON and refuses documents that do not parse (CloudFormation ' +
  'user guide, "Template formats").';

export const yamlSyntax = problemRule('yaml-syntax', {
  summary: 'The YAML does not parse.',
  why: 'Nothing else can be checked until it does, and CloudFormation rejects it at once.',
  fact: PARSER_FACT,
  example: 'Resources:\n  Queue:\n    Type: [AWS::SQS::Queue',
  fix:
    'Correct the syntax at the position shown (an unclosed bracket or quote, a tab used for indentation, a ' +
    'misaligned key).',
});
export const jsonSyntax = problemRule('json-syntax', {
  summary: 'The JSON does not parse.',
  why: 'Nothing else can be checked until it does, and CloudFormation rejects it at once.',
  fact: PARSER_FACT,
  example: '{ "Resources": { "Queue": { "Type": "AWS::SQS::Queue", } } }',
  fix: 'Correct the syntax at the position shown (a trailing comma, a missing quote or brace).',
});
export const duplicateKey = problemRule('duplicate-key', {
  summary: 'A key appears twice in the same map.',
  why:
    'YAML parsers disagree on which value wins; CloudFormation rejects duplicate keys in JSON and silently keeps ' +
    'one in some YAML paths, so a resource or property can vanish.',
  fact:
    'YAML 1.2 §3.2.1.3 requires map keys to be unique; CloudFormation reports "Duplicate resource" / "found ' +
    'duplicate key" (cfn-lint E0000).',
  example: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Queue:\n    Type: AWS::SNS::Topic',
  fix: 'Rename or remove one of the two; the related information points at the first.',
});
export const templateStructure = problemRule('template-structure', {
  summary:
    'A section of the template has the wrong shape (Resources that is not a map, a resource without Type, an ' +
    'unknown Globals section).',
  why: 'CloudFormation or the SAM transform rejects the template before creating anything.',
  fact:
    'Template anatomy: Resources maps logical IDs to objects with a Type (CloudFormation user guide, "Template ' +
    'anatomy"); Globals sections per the SAM specification, "Globals section of the AWS SAM template".',
  example: 'Resources:\n  Queue:\n    Properties: {}',
  fix:
    'Follow the message: add the missing Type, turn the section into a map, or move the setting where SAM ' +
    'accepts it.',
});
export const templateTooLarge = problemRule('template-too-large', {
  summary: 'The file is too large to be a template (over 2 MB) and was not analysed.',
  why: 'CloudFormation accepts at most 1 MB even through S3; parsing more would only slow the editor down.',
  fact: 'Template body via S3: 1 MB (CloudFormation user guide, "CloudFormation quotas").',
  example: '(a 3 MB template.yaml)',
  fix: 'Split the stack into nested stacks.',
});
export const notText = problemRule('not-text', {
  summary: 'A file named like a template contains binary data.',
  why: 'It cannot be a template; it is usually a build artefact saved under the wrong name.',
  fact: 'Templates are UTF-8 text (CloudFormation user guide, "Template formats").',
  example: '(a zip archive saved as template.yaml)',
  fix: 'Rename or remove the file.',
});

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

export const logicalIdInvalid = defineRule({
  id: 'logical-id-invalid',
  meta: {
    severity: 'error',
    docs: {
      summary:
        `A resource's logical ID is not alphanumeric or is longer than ${TEMPLATE_LIMITS.logicalIdLength} ` +
        `characters.`,
      why: 'CloudFormation rejects the template ("Template format error: Resource name … is non alphanumeric").',
      fact:
        'Logical IDs match ^[a-zA-Z0-9]+$ and are at most 255 characters (CloudFormation user guide, ' +
        '"CloudFormation quotas"; the logical ID pattern of the resource schema).',
      example: 'Resources:\n  orders-queue:\n    Type: AWS::SQS::Queue',
      fix: 'Rename the resource with letters and digits only (OrdersQueue) and update its references.',
    },
  },
  messages: {
    characters: "Logical ID '{{id}}' may contain only letters and digits, not '{{characters}}'.",
    length: "Logical ID '{{id}}' has {{length}} characters; CloudFormation allows {{max}}.",
  },
  check(context) {
    const { template } = context;
    for (const r of template.resources) {
      if (
        r.origin !== 'written' ||
        template.text.slice(r.idSpan.start, r.idSpan.end).replace(/^["']|["']$/g, '') !== r.logicalId
      )
        continue;
      const bad = [...new Set(r.logicalId.replace(/[A-Za-z0-9]/g, ''))].join('');
      if (!LOGICAL_ID.test(r.logicalId))
        context.report({
          messageId: 'characters',
          data: { id: r.logicalId, characters: bad || ' ' },
          span: r.idSpan,
          logicalId: r.logicalId,
        });
      if (r.logicalId.length > TEMPLATE_LIMITS.logicalIdLength) {
        context.report({
          messageId: 'length',
          data: { id: r.logicalId, length: r.logicalId.length, max: TEMPLATE_LIMITS.logicalIdLength },
          span: r.idSpan,
          logicalId: r.logicalId,
        });
      }
    }
  },
});

interface CountSpec {
  readonly id: string;
  readonly section: string;
  readonly noun: string;
  readonly limit: number;
  readonly count: (t: Template) => number;
  readonly kinds?: readonly Template['kind'][];
  readonly docs: { why: string; fact: string; example: string; fix: string };
}

function countRule(spec: CountSpec): Rule {
  return defineRule({
    id: spec.id,
    meta: {
      severity: 'error',
      kinds: spec.kinds,
      docs: { summary: `More than ${spec.limit} ${spec.noun} in one template.`, ...spec.docs },
    },
    messages: { tooMany: `This template has {{count}} ${spec.noun}{{detail}}; CloudFormation allows ${spec.limit}.` },
    check(context) {
      const { template } = context;
      const count = spec.count(template);
      if (count <= spec.limit) return;
      const section = entryOf(template.root, spec.section);
      const generated = template.resources.filter((r) => r.origin === 'generated').length;
      // The written count is what deploys of them: a SAM Connector leaves only what it generates.
      const detail =
        spec.id === 'template-resource-count' && generated > 0
          ? ` after the ${template.kind === 'serverless' ? 'framework adds its own' : 'SAM transform'} ` +
            `(${count - generated} written, ${generated} generated)`
          : '';
      context.report({ messageId: 'tooMany', data: { count, detail }, span: section?.keySpan ?? { start: 0, end: 0 } });
    },
  });
}

export const templateResourceCount = countRule({
  id: 'template-resource-count',
  section: 'Resources',
  noun: 'resources',
  limit: TEMPLATE_LIMITS.resources,
  count: (t) => deployedResources(t.resources).length,
  docs: {
    why:
      'CloudFormation rejects the stack. SAM and the Serverless Framework add resources of their own (roles, ' +
      'permissions, API stages, event source mappings), so the count that matters is the one after the transform.',
    fact:
      'Resources per template: 500 (CloudFormation user guide, "CloudFormation quotas"); the generated resources ' +
      'are those of the SAM developer guide, "Generated AWS CloudFormation resources".',
    example: '(450 SAM functions: each adds at least an IAM role, so the stack has over 900)',
    fix: 'Split the application into nested stacks or several stacks.',
  },
});
export const templateParameterCount = countRule({
  id: 'template-parameter-count',
  section: 'Parameters',
  noun: 'parameters',
  limit: TEMPLATE_LIMITS.parameters,
  count: (t) => t.parameters.length,
  kinds: ['sam', 'cloudformation'],
  docs: {
    why: 'CloudFormation rejects the template.',
    fact: 'Parameters: 200 (CloudFormation user guide, "CloudFormation quotas").',
    example: '(201 entries under Parameters)',
    fix:
      'Group settings into fewer parameters (a JSON string, SSM parameters read with dynamic references) or ' +
      'split the stack.',
  },
});
export const templateOutputCount = countRule({
  id: 'template-output-count',
  section: 'Outputs',
  noun: 'outputs',
  limit: TEMPLATE_LIMITS.outputs,
  count: (t) => t.outputs.length,
  kinds: ['sam', 'cloudformation'],
  docs: {
    why: 'CloudFormation rejects the template.',
    fact: 'Outputs: 200 (CloudFormation user guide, "CloudFormation quotas").',
    example: '(201 entries under Outputs)',
    fix: 'Output fewer values, or publish them as SSM parameters instead.',
  },
});
export const templateMappingCount = countRule({
  id: 'template-mapping-count',
  section: 'Mappings',
  noun: 'mappings',
  limit: TEMPLATE_LIMITS.mappings,
  count: (t) => t.mappings.length,
  kinds: ['sam', 'cloudformation'],
  docs: {
    why: 'CloudFormation rejects the template.',
    fact: 'Mappings: 200 (CloudFormation user guide, "CloudFormation quotas").',
    example: '(201 entries under Mappings)',
    fix: 'Merge mappings or move the data to SSM parameters.',
  },
});

export const templateSize = defineRule({
  id: 'template-size',
  meta: {
    severity: 'info',
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary:
        `The template is over ${formatInteger(TEMPLATE_LIMITS.inlineBodyBytes)} bytes (must be uploaded to S3: ` +
        `info) or over ${formatInteger(TEMPLATE_LIMITS.s3BodyBytes)} bytes (cannot be deployed: error).`,
      why:
        'Above the inline limit `aws cloudformation deploy` needs --s3-bucket (sam deploy uploads for you); ' +
        'above 1 MB no deploy path accepts it.',
      fact: 'Template body: 51,200 bytes inline, 1 MB through S3 (CloudFormation user guide, "CloudFormation quotas").',
      example: '(a 60 KB template.yaml)',
      fix: 'Deploy through S3 (sam deploy does); above 1 MB, split the stack into nested stacks.',
    },
  },
  messages: {
    s3:
      'This template is {{bytes}} bytes; above {{limit}} bytes it must be uploaded to S3 to deploy (sam deploy ' +
      'does this; aws cloudformation deploy needs --s3-bucket).',
    tooLarge: 'This template is {{bytes}} bytes; CloudFormation accepts at most {{limit}} bytes even through S3.',
  },
  check(context) {
    const { template } = context;
    const bytes = Buffer.byteLength(template.text, 'utf8');
    if (bytes <= TEMPLATE_LIMITS.inlineBodyBytes) return;
    const firstLine = template.text.search(/\r?\n|$/);
    const span = { start: 0, end: firstLine };
    if (bytes > TEMPLATE_LIMITS.s3BodyBytes) {
      context.report({
        messageId: 'tooLarge',
        data: { bytes: formatInteger(bytes), limit: formatInteger(TEMPLATE_LIMITS.s3BodyBytes) },
        span,
        severity: 'error',
      });
    } else {
      context.report({
        messageId: 's3',
        data: { bytes: formatInteger(bytes), limit: formatInteger(TEMPLATE_LIMITS.inlineBodyBytes) },
        span,
      });
    }
  },
});
