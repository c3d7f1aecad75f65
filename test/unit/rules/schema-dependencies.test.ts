import { schemaDependencies } from '../../../src/core/rules/schema';
import { cfnResource, samResource, schemaTester } from './schema/fixtures';

const fn = (...code: string[]) =>
  cfnResource('AWS::Lambda::Function', 'Role: arn:aws:iam::123456789012:role/r', 'Code:', ...code.map((c) => `  ${c}`));

schemaTester(schemaDependencies, {
  valid: [
    { name: 'ZipFile alone', text: fn('ZipFile: x') },
    { name: 'S3Bucket with its S3Key', text: fn('S3Bucket: b', 'S3Key: k') },
    {
      name: 'exclusive keys each left out by a condition in turn',
      text: fn('ZipFile: !If [C, x, !Ref AWS::NoValue]', 'ImageUri: !If [C, !Ref AWS::NoValue, uri]'),
    },
    {
      name: "InlineCode with CodeUri: the transform takes InlineCode (SAM's test inline_precedence.yaml)",
      text: samResource('CodeUri: src/', 'InlineCode: x'),
    },
  ],
  invalid: [
    {
      name: 'ZipFile with S3Bucket: at the later key',
      text: fn('ZipFile: x', 'S3Bucket: b', 'S3Key: k'),
      findings: [
        {
          range: '8:9-8:17',
          text: 'S3Bucket',
          message:
            /^'S3Bucket' cannot be used together with 'ZipFile' in Properties\.Code of R \(AWS::Lambda::Function\)\.$/,
        },
      ],
    },
    {
      name: 'S3Bucket without S3Key',
      text: fn('S3Bucket: b'),
      findings: [
        { range: '7:9-7:17', text: 'S3Bucket', message: /'S3Bucket' in Properties\.Code of R .* needs 'S3Key' too/ },
      ],
    },
    {
      name: 'none of ZipFile, S3Bucket, ImageUri',
      text: fn('S3Key: k'),
      findings: [{ range: '6:7-6:11', text: 'Code', message: /needs one of 'ZipFile' or 'S3Bucket' or 'ImageUri'/ }],
    },
    {
      name: 'InlineCode with ImageUri',
      text: samResource('ImageUri: repo:tag', 'InlineCode: x'),
      findings: [
        { range: '7:7-7:17', text: 'InlineCode', message: /'InlineCode' cannot be used together with 'ImageUri'/ },
      ],
    },
    {
      name: 'DynamoDB KeySchema without AttributeDefinitions',
      text: cfnResource('AWS::DynamoDB::Table', 'KeySchema:', '  - AttributeName: id', '    KeyType: HASH'),
      findings: [{ range: '5:7-5:16', text: 'KeySchema', message: /needs 'AttributeDefinitions' too/ }],
    },
  ],
});
