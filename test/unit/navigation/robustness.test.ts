import { strict as assert } from 'assert';
import { completionsAt } from '../../../src/core/completion/complete';
import { definitionAt } from '../../../src/core/navigation/definition';
import { documentSymbols } from '../../../src/core/navigation/document-symbols';
import { highlightsAt, referencesAt } from '../../../src/core/navigation/find-references';
import { prepareRename } from '../../../src/core/navigation/rename';
import { hoverAt } from '../../../src/core/hover/hover';
import { loadTemplate } from '../../../src/core';
import { catalog } from '../completion/catalog';

/** Half-typed documents as they are between keystrokes. */
const BROKEN: [string, string][] = [
  [
    'template.yaml',
    'Resources:\n  Queue:\n    Type: [AWS::SQS::Queue\n  Fn:\n    Properties: !GetAtt\n      X: !Sub "${',
  ],
  [
    'template.yaml',
    'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::SQS::Queue\n    DependsOn: [\n    ' +
      'Condition:\n',
  ],
  ['template.json', '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Ref": '],
  [
    'serverless.yml',
    'service: s\nprovider: {name: aws\nfunctions:\n  a:\n    handler: ${self:\n    events:\n      - http: ${file(\n',
  ],
  ['template.yaml', ''],
];

describe('authoring on broken input', () => {
  for (const [fileName, text] of BROKEN) {
    it(`answers at every offset of a broken ${fileName} without throwing`, () => {
      const template = loadTemplate(text, `/w/${fileName}`);
      assert.ok(template, 'a conventionally named file is always modelled');
      documentSymbols(template);
      for (let offset = 0; offset <= text.length; offset++) {
        definitionAt(template, offset, { readFile: () => undefined, others: [template] });
        referencesAt(template, offset, { includeDeclaration: true });
        highlightsAt(template, offset);
        prepareRename(template, offset);
        completionsAt(template, offset, { catalog });
        hoverAt(template, offset, { catalog });
      }
    });
  }
});
