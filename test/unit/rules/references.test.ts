import {
  circularDependency,
  conditionUndefined,
  dependsOnUndefined,
  findInMapUndefined,
  getattAttributeInvalid,
  getattUndefined,
  parameterUnused,
  refUndefined,
  subVariableUndefined,
} from '../../../src/core/rules/reference-checks';
import { yaml } from '../helpers';
import { ruleTester } from './rule-tester';
import { catalog as SCHEMAS } from '../completion/catalog';

const cfn = (...lines: string[]) => yaml("AWSTemplateFormatVersion: '2010-09-09'", ...lines);

ruleTester(refUndefined, {
  valid: [
    {
      name: 'a parameter, a resource and a pseudo parameter',
      text: cfn(
        'Parameters:',
        '  Stage:',
        '    Type: String',
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        'Outputs:',
        '  A:',
        '    Value: !Ref Q',
        '  B:',
        '    Value: !Ref Stage',
        '  C:',
        '    Value: !Ref AWS::Region',
      ),
    },
    {
      name: "SAM's referenceable properties",
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      AutoPublishAlias: live',
        'Outputs:',
        '  A:',
        '    Value: !Ref Fn.Alias',
        '  B:',
        '    Value: !Ref ServerlessRestApi.Stage',
      ),
    },
  ],
  invalid: [
    {
      name: 'a misspelled resource, with a suggestion',
      text: cfn(
        'Resources:',
        '  OrdersTable:',
        '    Type: AWS::DynamoDB::Table',
        'Outputs:',
        '  T:',
        '    Value: !Ref OrdrsTable',
      ),
      findings: [
        { range: '7:17-7:27', text: 'OrdrsTable', message: /Ref to 'OrdrsTable'.*Did you mean 'OrdersTable'\?/ },
      ],
    },
    {
      name: 'a misspelled pseudo parameter',
      text: cfn('Outputs:', '  R:', '    Value: !Ref AWS::Regoin'),
      findings: [{ range: '4:17-4:28', text: 'AWS::Regoin', message: /Did you mean 'AWS::Region'/ }],
    },
    {
      name: 'long form in JSON',
      text: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Nme"}}}}}',
      fileName: 'template.json',
      findings: [{ range: '1:86-1:89', text: 'Nme' }],
    },
  ],
});

ruleTester(getattUndefined, {
  valid: [
    {
      name: 'an existing resource',
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  A:', '    Value: !GetAtt Q.Arn'),
    },
  ],
  invalid: [
    {
      name: 'a misspelled resource',
      text: cfn(
        'Resources:',
        '  OrdersQueue:',
        '    Type: AWS::SQS::Queue',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt OrderQueue.Arn',
      ),
      findings: [{ range: '7:20-7:30', text: 'OrderQueue', message: /Did you mean 'OrdersQueue'/ }],
    },
  ],
});

const schemas = { schemas: SCHEMAS };
const sam = (...lines: string[]) => yaml('Transform: AWS::Serverless-2016-10-31', ...lines);

ruleTester(getattAttributeInvalid, {
  valid: [
    {
      name: 'a real attribute',
      inputs: schemas,
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  A:', '    Value: !GetAtt Q.QueueUrl'),
    },
    {
      name: 'a type we do not know',
      inputs: schemas,
      text: cfn('Resources:', '  C:', '    Type: Custom::Thing', 'Outputs:', '  A:', '    Value: !GetAtt C.Anything'),
    },
    {
      name: 'a custom resource answers with its own data',
      inputs: schemas,
      text: cfn(
        'Resources:',
        '  C:',
        '    Type: AWS::CloudFormation::CustomResource',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt C.Anything',
      ),
    },
    {
      name: 'a nested stack output, a SAM application output',
      inputs: schemas,
      text: sam(
        'Resources:',
        '  S:',
        '    Type: AWS::CloudFormation::Stack',
        '  App:',
        '    Type: AWS::Serverless::Application',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt S.Outputs.BucketName',
        '  B:',
        "    Value: !Sub '${App.Outputs.TopicArn}'",
      ),
    },
    {
      name: 'a type outside the old hand list',
      inputs: schemas,
      text: cfn(
        'Resources:',
        '  Db:',
        '    Type: AWS::RDS::DBInstance',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt Db.Endpoint.Address',
      ),
    },
    {
      name: "SAM's referenceable forms and what the API becomes",
      inputs: schemas,
      text: sam(
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      AutoPublishAlias: live',
        '  Api:',
        '    Type: AWS::Serverless::Api',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt Api.RootResourceId',
        '  B:',
        '    Value: !GetAtt Fn.SnapStartResponse.ApplyOn',
        '  C:',
        '    Value: !Ref Fn.Alias',
      ),
    },
    {
      name: 'nothing without the catalog',
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  A:', '    Value: !GetAtt Q.Url'),
    },
  ],
  invalid: [
    {
      name: 'short form',
      inputs: schemas,
      text: cfn('Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  A:', '    Value: !GetAtt Q.Url'),
      findings: [
        {
          range: '7:22-7:25',
          text: 'Url',
          message: /'Q' \(AWS::SQS::Queue\) has no attribute 'Url'.*It returns: Arn, QueueName, QueueUrl/,
        },
      ],
    },
    {
      name: 'list form, on a SAM function',
      inputs: schemas,
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt [Fn, Ar]',
      ),
      findings: [{ range: '7:25-7:27', text: 'Ar', message: /Did you mean 'Arn'/ }],
    },
    {
      name: 'in a Sub',
      inputs: schemas,
      text: cfn(
        'Resources:',
        '  T:',
        '    Type: AWS::DynamoDB::Table',
        'Outputs:',
        '  A:',
        "    Value: !Sub '${T.Stream}'",
      ),
      findings: [{ range: '7:22-7:28', text: 'Stream' }],
    },
    {
      name: 'a SAM function has no Name',
      inputs: schemas,
      text: sam(
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt Fn.Name',
      ),
      findings: [
        {
          range: '7:23-7:27',
          text: 'Name',
          message: /'Fn' \(AWS::Serverless::Function\) has no attribute 'Name'\. It returns: .*Arn/,
        },
      ],
    },
    {
      name: 'a sub-attribute the data lists others for',
      inputs: schemas,
      text: cfn(
        'Resources:',
        '  Db:',
        '    Type: AWS::RDS::DBInstance',
        'Outputs:',
        '  A:',
        '    Value: !GetAtt Db.Endpoint.Host',
      ),
      findings: [{ range: '7:23-7:36', text: 'Endpoint.Host' }],
    },
    {
      name: 'a type outside the old hand list',
      inputs: schemas,
      text: cfn('Resources:', '  K:', '    Type: AWS::KMS::Key', 'Outputs:', '  A:', '    Value: !GetAtt K.Arm'),
      findings: [{ range: '7:22-7:25', text: 'Arm', message: /Did you mean 'Arn'/ }],
    },
  ],
});

ruleTester(subVariableUndefined, {
  valid: [
    {
      name: 'parameters, attributes, escapes and local variables',
      text: cfn(
        'Parameters:',
        '  P:',
        '    Type: String',
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        'Outputs:',
        '  A:',
        "    Value: !Sub '${P}-${Q.Arn}-${!Literal}-${AWS::Region}'",
        '  B:',
        '    Value: !Sub',
        "      - '${Local}'",
        '      - Local: x',
      ),
    },
  ],
  invalid: [
    {
      name: 'an unknown name',
      text: cfn(
        'Parameters:',
        '  BucketName:',
        '    Type: String',
        'Outputs:',
        '  A:',
        "    Value: !Sub 'arn:aws:s3:::${BuckeName}/*'",
      ),
      findings: [
        { range: '7:33-7:42', text: 'BuckeName', message: /'\$\{BuckeName\}' in Fn::Sub.*Did you mean 'BucketName'/ },
      ],
    },
  ],
});

ruleTester(dependsOnUndefined, {
  valid: [
    {
      name: 'a list of resources',
      text: cfn(
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: [A]',
      ),
    },
  ],
  invalid: [
    {
      name: 'a scalar and a list item',
      text: cfn(
        'Resources:',
        '  Alpha:',
        '    Type: AWS::SQS::Queue',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: Alpa',
        '  C:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn:',
        '      - Alpha',
        "      - 'Gamma'",
      ),
      findings: [
        { range: '7:16-7:20', text: 'Alpa', message: /Did you mean 'Alpha'/ },
        { range: '12:10-12:15', text: 'Gamma' },
      ],
    },
  ],
});

ruleTester(conditionUndefined, {
  valid: [
    {
      name: 'defined conditions',
      text: cfn(
        'Conditions:',
        '  IsProd: !Equals [a, b]',
        '  Both: !And [!Condition IsProd, !Condition IsProd]',
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Condition: IsProd',
        '    Properties:',
        '      DelaySeconds: !If [IsProd, 1, 2]',
      ),
    },
  ],
  invalid: [
    {
      name: 'resource attribute and Fn::If',
      text: cfn(
        'Conditions:',
        '  IsProduction: !Equals [a, b]',
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Condition: IsProdution',
        '    Properties:',
        '      DelaySeconds: !If [Other, 1, 2]',
      ),
      findings: [
        { range: '7:16-7:27', text: 'IsProdution', message: /Did you mean 'IsProduction'/ },
        { range: '9:26-9:31', text: 'Other' },
      ],
    },
  ],
});

ruleTester(findInMapUndefined, {
  valid: [
    {
      name: 'literal keys that exist and a Ref key',
      text: cfn(
        'Mappings:',
        '  Sizes:',
        '    dev:',
        '      Memory: 128',
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      DelaySeconds: !FindInMap [Sizes, dev, Memory]',
        '      MaximumMessageSize: !FindInMap [Sizes, !Ref AWS::Region, Memory]',
      ),
    },
  ],
  invalid: [
    {
      name: 'a missing mapping and a missing key',
      text: cfn(
        'Mappings:',
        '  Sizes:',
        '    dev:',
        '      Memory: 128',
        'Resources:',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      DelaySeconds: !FindInMap [Size, dev, Memory]',
        '      MaximumMessageSize: !FindInMap [Sizes, dev, Memroy]',
      ),
      findings: [
        { range: '10:33-10:37', text: 'Size', message: /Mapping 'Size' is not defined.*Did you mean 'Sizes'/ },
        { range: '11:51-11:57', text: 'Memroy', message: /Mapping 'Sizes' has no key 'Memroy'/ },
      ],
    },
  ],
});

/**
 * The function of aws/serverless-application-model#1204, allowed to invoke itself, with or without a role of its own.
 */
const selfInvoking = (...more: string[]) =>
  yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  MyFunction:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: aws_lambda',
    '      Handler: handler.run',
    '      Runtime: python3.12',
    '      Policies:',
    '        - LambdaInvokePolicy:',
    '            FunctionName: !Ref MyFunction',
    ...more,
  );

ruleTester(circularDependency, {
  valid: [
    {
      name: 'a chain',
      text: cfn(
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !GetAtt A.QueueName',
      ),
    },
    {
      name: 'Policies are ignored when the function has a role of its own',
      text: selfInvoking('      Role: arn:aws:iam::123456789012:role/invoker'),
    },
    {
      name: 'an event that names the function itself moves into the resource SAM makes for it',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events:',
        '        Tick:',
        '          Type: Schedule',
        '          Properties:',
        '            Schedule: rate(1 hour)',
        '            Input: !Sub \'{"self": "${Fn.Arn}"}\'',
      ),
    },
  ],
  invalid: [
    {
      name: "a function's Policies naming the function: its generated role is created before it",
      text: selfInvoking(),
      findings: [
        {
          range: '3:3-3:13',
          text: 'MyFunction',
          message: /Circular dependency: MyFunction → MyFunction\./,
          related: ['MyFunction'],
        },
      ],
    },
    {
      name: 'two queues naming each other',
      text: cfn(
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !Sub "${B.QueueName}-a"',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: A',
      ),
      findings: [{ range: '3:3-3:4', text: 'A', message: /Circular dependency: A → B → A\./ }],
    },
  ],
});

ruleTester(parameterUnused, {
  valid: [
    {
      name: 'used in Globals and a Sub',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Stage:',
        '    Type: String',
        '  Env:',
        '    Type: String',
        'Globals:',
        '  Function:',
        '    Runtime: !Ref Stage',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        "      Handler: !Sub '${Env}.handler'",
      ),
    },
  ],
  invalid: [
    {
      name: 'never referenced',
      text: cfn('Parameters:', '  Stage:', '    Type: String', 'Resources:', '  Q:', '    Type: AWS::SQS::Queue'),
      findings: [{ range: '3:3-3:8', text: 'Stage', message: /Parameter 'Stage' is never used/ }],
    },
  ],
});
