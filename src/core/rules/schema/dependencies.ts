import { defineRule } from '../define';
import { placeOf, SCHEMA_SOURCES, violationsOf, SERVERLESS_DOCS, severityOf } from './violations';

export const schemaDependencies = defineRule({
  id: 'schema-dependencies',
  meta: {
    severity: 'error',
    docs: {
      summary:
        'Properties that must come together, cannot be used together, or of which one is needed (`Code.ZipFile` ' +
        'with `Code.S3Bucket`, `InlineCode` with `CodeUri`, `DefinitionBody` with `DefinitionUri`).',
      why:
        'CloudFormation, the service or the SAM transform rejects the combination ("Specify only one of ...", ' +
        '"... requires ..."), minutes into the deploy.',
      fact:
        `Reference pages state which properties exclude or need each other ("Conditional: ...", "You must ` +
        `specify either ..."). A key that a condition may leave out (\`AWS::NoValue\` in a branch of \`Fn::If\`) ` +
        `does not count as given. Source: ${SCHEMA_SOURCES} ${SERVERLESS_DOCS}`,
      example:
        'Type: AWS::Serverless::Function\nProperties:\n  CodeUri: src/\n  InlineCode: "exports.handler = async ' +
        '() => 1"',
      fix: 'Keep one of the exclusive properties, or add the one the message says is needed.',
    },
  },
  messages: {
    requires: "'{{property}}' in {{place}} needs {{others}} too.",
    excludes: "'{{property}}' cannot be used together with '{{others}}' in {{place}}.",
    'one-of': '{{place}} needs one of {{others}}.',
  },
  check(context) {
    for (const v of violationsOf(context, 'dependencies')) {
      context.report({
        messageId: v.relation,
        data: {
          property: v.property ?? '',
          place: placeOf(v),
          others:
            v.relation === 'excludes'
              ? v.others.join(', ')
              : v.others.map((o) => `'${o}'`).join(v.relation === 'one-of' ? ' or ' : ' and '),
        },
        span: v.span,
        logicalId: v.logicalId,
        severity: severityOf(v),
      });
    }
  },
});
