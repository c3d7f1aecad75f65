import { createHash } from 'crypto';
import { strict as assert } from 'assert';
import { deployedResources } from '../../../src/core';
import type { Resource, Template } from '../../../src/core';
import { load, textAt, where, yaml } from '../helpers';

/** Generated resources as `id type by ← cause@line:col`, the way a user would check them in the explorer. */
function generated(template: Template): string[] {
  return template.resources
    .filter((r) => r.origin === 'generated')
    .map(
      (r) =>
        `${r.logicalId} ${r.type} by ${r.generatedBy?.logicalId} ` +
        `← ${textAt(template, r.idSpan)}@${where(template, r.idSpan)}`,
    );
}

function byId(template: Template, logicalId: string): Resource {
  const r = template.resourceById.get(logicalId);
  assert.ok(r, `${logicalId} is in the model`);
  return r;
}

const HEADER = ['Transform: AWS::Serverless-2016-10-31', 'Resources:'];

describe('SAM implicit resources', () => {
  describe('functions', () => {
    it('gives a function without Role an execution role, caused by its logical ID', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/}',
          '  WithRole:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Handler: index.handler, Runtime: nodejs22.x, CodeUri: src/, Role: ' +
            'arn:aws:iam::123456789012:role/r}',
          '  MaybeRole:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Role: !If [HasRole, !Ref RoleArn, !Ref AWS::NoValue]',
        ),
      );
      assert.deepEqual(generated(t), [
        'FnRole AWS::IAM::Role by Fn ← Fn@3:3',
        'MaybeRoleRole AWS::IAM::Role by MaybeRole ← MaybeRole@9:3',
      ]);
      assert.equal(byId(t, 'FnRole').generatedBy?.reason, 'SAM creates an execution role for a function without Role');
      assert.deepEqual(byId(t, 'Fn').deployedAs, { logicalId: 'Fn', type: 'AWS::Lambda::Function' });
    });

    it('makes one implicit REST API for all Api events without RestApiId, with a permission per event', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Role: arn:aws:iam::123456789012:role/r',
          '      Events:',
          '        GetItems:',
          '          Type: Api',
          '          Properties: {Path: /items, Method: get}',
          '        PostItem:',
          '          Type: Api',
          '          Properties: {Path: /items, Method: post}',
        ),
      );
      const ids = generated(t);
      assert.deepEqual(
        ids.filter((l) => !l.startsWith('ServerlessRestApiDeployment')),
        [
          'FnGetItemsPermissionProd AWS::Lambda::Permission by Fn ← GetItems@8:9',
          'FnPostItemPermissionProd AWS::Lambda::Permission by Fn ← PostItem@11:9',
          'ServerlessRestApi AWS::ApiGateway::RestApi by Fn ← GetItems@8:9',
          'ServerlessRestApiProdStage AWS::ApiGateway::Stage by Fn ← GetItems@8:9',
        ],
      );
      const deployment = ids.find((l) => l.startsWith('ServerlessRestApiDeployment'));
      assert.match(
        deployment ?? '',
        /^ServerlessRestApiDeployment[0-9a-f]{10} AWS::ApiGateway::Deployment by Fn ← GetItems@8:9$/,
      );
      assert.equal(
        byId(t, 'ServerlessRestApi').generatedBy?.reason,
        'SAM creates an API Gateway REST API for Api events without RestApiId',
      );
      // The event's span covers the whole event entry, so a click reveals it all.
      assert.equal(
        textAt(t, byId(t, 'FnGetItemsPermissionProd').span),
        'GetItems:\n          Type: Api\n          Properties: {Path: /items, Method: get}',
      );
    });

    it(
      'names permissions of events on an explicit API after ' + 'its stage, hashed when the stage is not alphanumeric',
      () => {
        const t = load(
          yaml(
            ...HEADER,
            '  Fn:',
            '    Type: AWS::Serverless::Function',
            '    Properties:',
            '      Role: r',
            '      Events:',
            '        OnDev: {Type: Api, Properties: {RestApiId: !Ref DevApi, Path: /, Method: get}}',
            '        OnBeta: {Type: Api, Properties: {RestApiId: !Ref BetaApi, Path: /, Method: get}}',
            '        OnParam: {Type: Api, Properties: {RestApiId: !Ref ParamApi, Path: /, Method: get}}',
            '  DevApi: {Type: AWS::Serverless::Api, Properties: {StageName: dev}}',
            '  BetaApi: {Type: AWS::Serverless::Api, Properties: {StageName: beta-1}}',
            '  ParamApi: {Type: AWS::Serverless::Api, Properties: {StageName: !Ref Stage}}',
          ),
        );
        const ids = t.resources.filter((r) => r.origin === 'generated').map((r) => r.logicalId);
        assert.ok(ids.includes('FnOnDevPermissiondev'));
        assert.ok(ids.includes('FnOnParamPermissionStage'));
        assert.ok(
          ids.some((id) => /^FnOnBetaPermission[0-9a-f]{10}$/.test(id)),
          ids.join(' '),
        );
        assert.ok(ids.includes('DevApidevStage'));
        assert.ok(ids.includes('ParamApiStage'));
        assert.ok(ids.some((id) => /^BetaApiStage[0-9a-f]{10}$/.test(id)));
        assert.ok(!ids.includes('ServerlessRestApi'), 'no implicit API when every event names one');
      },
    );

    it('generates what each event source needs, named <Fn><Event>', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Role: r',
          '      Events:',
          '        Queue: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}',
          '        Stream: {Type: Kinesis, Properties: {Stream: arn, StartingPosition: LATEST}}',
          '        Table: {Type: DynamoDB, Properties: {Stream: arn, StartingPosition: LATEST}}',
          '        Kafka: {Type: MSK, Properties: {Stream: arn, Topics: [t]}}',
          '        Broker: {Type: MQ, Properties: {Broker: arn, Queues: [q]}}',
          '        Self: {Type: SelfManagedKafka, Properties: {Topics: [t]}}',
          '        Docs: {Type: DocumentDB, Properties: {Cluster: arn}}',
          '        Topic: {Type: SNS, Properties: {Topic: arn}}',
          '        Upload: {Type: S3, Properties: {Bucket: !Ref B, Events: s3:ObjectCreated:*}}',
          '        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day), DeadLetterConfig: {Type: SQS}}}',
          '        Hourly: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 hour)}}',
          '        Rule: {Type: EventBridgeRule, Properties: {Pattern: {source: [x]}}}',
          '        Cwe: {Type: CloudWatchEvent, Properties: {Pattern: {source: [x]}}}',
          '        Logs: {Type: CloudWatchLogs, Properties: {LogGroupName: g, FilterPattern: ""}}',
          '        Iot: {Type: IoTRule, Properties: {Sql: "SELECT * FROM t"}}',
          '        Alexa: {Type: AlexaSkill}',
          '        SignUp: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: PreSignUp}}',
          '        Http: {Type: HttpApi}',
        ),
      );
      const pairs = t.resources.filter((r) => r.origin === 'generated').map((r) => `${r.logicalId} ${r.type}`);
      assert.deepEqual(pairs, [
        'FnQueue AWS::Lambda::EventSourceMapping',
        'FnStream AWS::Lambda::EventSourceMapping',
        'FnTable AWS::Lambda::EventSourceMapping',
        'FnKafka AWS::Lambda::EventSourceMapping',
        'FnBroker AWS::Lambda::EventSourceMapping',
        'FnSelf AWS::Lambda::EventSourceMapping',
        'FnDocs AWS::Lambda::EventSourceMapping',
        'FnTopic AWS::SNS::Subscription',
        'FnTopicPermission AWS::Lambda::Permission',
        'FnUploadPermission AWS::Lambda::Permission',
        'FnNightly AWS::Events::Rule',
        'FnNightlyPermission AWS::Lambda::Permission',
        'FnNightlyQueue AWS::SQS::Queue',
        'FnNightlyQueuePolicy AWS::SQS::QueuePolicy',
        'FnHourly AWS::Scheduler::Schedule',
        'FnHourlyRole AWS::IAM::Role',
        'FnRule AWS::Events::Rule',
        'FnRulePermission AWS::Lambda::Permission',
        'FnCwe AWS::Events::Rule',
        'FnCwePermission AWS::Lambda::Permission',
        'FnLogs AWS::Logs::SubscriptionFilter',
        'FnLogsPermission AWS::Lambda::Permission',
        'FnIot AWS::IoT::TopicRule',
        'FnIotPermission AWS::Lambda::Permission',
        'FnAlexaPermission AWS::Lambda::Permission',
        'FnCognitoPermission AWS::Lambda::Permission',
        'FnHttpPermission AWS::Lambda::Permission',
        'ServerlessHttpApi AWS::ApiGatewayV2::Api',
        'ServerlessHttpApiApiGatewayDefaultStage AWS::ApiGatewayV2::Stage',
      ]);
      const mapping = byId(t, 'FnQueue');
      assert.equal(textAt(t, mapping.idSpan), 'Queue');
      assert.equal(where(t, mapping.idSpan), '8:9');
      assert.equal(mapping.generatedBy?.reason, 'SAM creates an event source mapping for the SQS event');
    });

    it('puts a queue between topic and function for SNS events with SqsSubscription', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Role: r',
          '      Events:',
          '        Orders: {Type: SNS, Properties: {Topic: arn, SqsSubscription: true}}',
          '        Given: {Type: SNS, Properties: {Topic: arn, SqsSubscription: {QueueArn: a, QueueUrl: u, ' +
            'QueuePolicyLogicalId: MyPolicy}}}',
        ),
      );
      assert.deepEqual(
        t.resources.filter((r) => r.origin === 'generated').map((r) => `${r.logicalId} ${r.type}`),
        [
          'FnOrdersQueue AWS::SQS::Queue',
          'FnOrdersQueuePolicy AWS::SQS::QueuePolicy',
          'FnOrders AWS::SNS::Subscription',
          'FnOrdersEventSourceMapping AWS::Lambda::EventSourceMapping',
          'MyPolicy AWS::SQS::QueuePolicy',
          'FnGiven AWS::SNS::Subscription',
          'FnGivenEventSourceMapping AWS::Lambda::EventSourceMapping',
        ],
      );
    });

    it('publishes a version and alias for AutoPublishAlias, caused by the alias value, even from Globals', () => {
      const t = load(
        yaml(
          'Transform: AWS::Serverless-2016-10-31',
          'Globals:',
          '  Function:',
          '    AutoPublishAlias: live',
          'Resources:',
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Role: r',
          '      DeploymentPreference: {Type: Canary10Percent5Minutes}',
          '  Own:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Role: r, AutoPublishAlias: my_alias-2}',
        ),
      );
      const lines = generated(t).map((l) => l.replace(/Version[0-9a-f]{10}/, 'Version#'));
      assert.deepEqual(lines, [
        'FnVersion# AWS::Lambda::Version by Fn ← live@4:23',
        'FnAliaslive AWS::Lambda::Alias by Fn ← live@4:23',
        'ServerlessDeploymentApplication AWS::CodeDeploy::Application by Fn ← DeploymentPreference@10:7',
        'FnDeploymentGroup AWS::CodeDeploy::DeploymentGroup by Fn ← DeploymentPreference@10:7',
        'CodeDeployServiceRole AWS::IAM::Role by Fn ← DeploymentPreference@10:7',
        'OwnVersion# AWS::Lambda::Version by Own ← my_alias-2@13:45',
        'OwnAliasmyUaliasD2 AWS::Lambda::Alias by Own ← my_alias-2@13:45',
      ]);
    });

    it('names the version as SAM does, from the code location, environment and memory', () => {
      // From the SAM translator's tests (function_with_deployment_preference.yaml → MinimalFunctionVersion640128d35d).
      const t = load(
        yaml(
          ...HEADER,
          '  MinimalFunction:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      CodeUri: s3://sam-demo-bucket/hello.zip',
          '      Handler: hello.handler',
          '      Runtime: python2.7',
          '      AutoPublishAlias: live',
        ),
      );
      assert.ok(t.resourceById.has('MinimalFunctionVersion640128d35d'), t.resources.map((r) => r.logicalId).join(' '));
    });

    it('keeps the version hash stable for the same source and changes it when the function changes', () => {
      const versionOf = (memory: number): string => {
        const t = load(
          yaml(
            ...HEADER,
            '  Fn:',
            '    Type: AWS::Serverless::Function',
            `    Properties: {Role: r, MemorySize: ${memory}, AutoPublishAlias: live}`,
          ),
        );
        return t.resources.find((r) => r.type === 'AWS::Lambda::Version')!.logicalId;
      };
      assert.equal(versionOf(128), versionOf(128));
      assert.notEqual(versionOf(128), versionOf(256));
    });

    it('creates destinations, URLs and their permissions', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Role: r',
          '      EventInvokeConfig:',
          '        DestinationConfig:',
          '          OnSuccess: {Type: SQS}',
          '          OnFailure: {Type: SNS, Destination: arn:aws:sns:us-east-1:123456789012:t}',
          '      FunctionUrlConfig: {AuthType: NONE}',
          '  Private:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Role: r, FunctionUrlConfig: {AuthType: AWS_IAM}}',
        ),
      );
      assert.deepEqual(generated(t), [
        'FnEventInvokeConfig AWS::Lambda::EventInvokeConfig by Fn ← EventInvokeConfig@7:7',
        'FnEventInvokeConfigOnSuccessQueue AWS::SQS::Queue by Fn ← EventInvokeConfig@7:7',
        'FnUrl AWS::Lambda::Url by Fn ← FunctionUrlConfig@11:7',
        'FnUrlPublicPermissions AWS::Lambda::Permission by Fn ← FunctionUrlConfig@11:7',
        'FnURLInvokeAllowPublicAccess AWS::Lambda::Permission by Fn ← FunctionUrlConfig@11:7',
        'PrivateUrl AWS::Lambda::Url by Private ← FunctionUrlConfig@14:27',
      ]);
    });
  });

  describe('APIs', () => {
    it(
      'deploys an explicit REST API with its stage, custom domain, base paths, DNS, usage plan and authorizer ' +
        'permission',
      () => {
        const t = load(
          yaml(
            ...HEADER,
            '  Api:',
            '    Type: AWS::Serverless::Api',
            '    Properties:',
            '      StageName: prod',
            '      Domain:',
            '        DomainName: api.example.com',
            '        CertificateArn: arn',
            '        BasePath: [/v1, /v2]',
            '        Route53: {HostedZoneId: Z123}',
            '      Auth:',
            '        UsagePlan: {CreateUsagePlan: PER_API}',
            '        Authorizers:',
            '          TokenAuth: {FunctionArn: !GetAtt AuthFn.Arn}',
          ),
        );
        const lines = generated(t).map((l) => l.replace(/Deployment[0-9a-f]{10}/, 'Deployment#'));
        assert.deepEqual(lines, [
          'ApiDeployment# AWS::ApiGateway::Deployment by Api ← Api@3:3',
          'ApiprodStage AWS::ApiGateway::Stage by Api ← Api@3:3',
          // SAM's own hash of the domain name and hosted zone: the IDs match what the translator writes.
          `ApiGatewayDomainName${sha10('api.example.com')} AWS::ApiGateway::DomainName by Api ← Domain@7:7`,
          'Apiv1BasePathMapping AWS::ApiGateway::BasePathMapping by Api ← Domain@7:7',
          'Apiv2BasePathMapping AWS::ApiGateway::BasePathMapping by Api ← Domain@7:7',
          `RecordSetGroup${sha10('Z123')} AWS::Route53::RecordSetGroup by Api ← Domain@7:7`,
          'ApiUsagePlan AWS::ApiGateway::UsagePlan by Api ← Auth@12:7',
          'ApiApiKey AWS::ApiGateway::ApiKey by Api ← Auth@12:7',
          'ApiUsagePlanKey AWS::ApiGateway::UsagePlanKey by Api ← Auth@12:7',
          'ApiTokenAuthAuthorizerPermission AWS::Lambda::Permission by Api ← TokenAuth@15:11',
        ]);
      },
    );

    it('applies Globals.Api to the implicit API (a custom domain for ServerlessRestApi)', () => {
      const t = load(
        yaml(
          'Transform: AWS::Serverless-2016-10-31',
          'Globals:',
          '  Api:',
          '    Domain: {DomainName: api.example.com, CertificateArn: arn}',
          'Resources:',
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Role: r, Events: {Get: {Type: Api, Properties: {Path: /, Method: get}}}}',
        ),
      );
      const mapping = byId(t, 'ServerlessRestApiBasePathMapping');
      assert.equal(textAt(t, mapping.idSpan), 'Domain');
      assert.equal(where(t, mapping.idSpan), '4:5');
    });

    it('gives an HTTP API the $default stage unless StageName is set, and V2 domain resources', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Http:',
          '    Type: AWS::Serverless::HttpApi',
          '  Named:',
          '    Type: AWS::Serverless::HttpApi',
          '    Properties:',
          '      StageName: Prod',
          '      Domain: {DomainName: api.example.com, CertificateArn: arn, BasePath: [orders]}',
        ),
      );
      assert.deepEqual(
        t.resources.filter((r) => r.origin === 'generated').map((r) => `${r.logicalId} ${r.type}`),
        [
          'HttpApiGatewayDefaultStage AWS::ApiGatewayV2::Stage',
          'NamedProdStage AWS::ApiGatewayV2::Stage',
          `ApiGatewayDomainNameV2${sha10('api.example.com')} AWS::ApiGatewayV2::DomainName`,
          'NamedordersApiMapping AWS::ApiGatewayV2::ApiMapping',
        ],
      );
      assert.deepEqual(byId(t, 'Http').deployedAs, { logicalId: 'Http', type: 'AWS::ApiGatewayV2::Api' });
    });

    it('builds WebSocket routes, integrations and permissions per route', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Chat:',
          '    Type: AWS::Serverless::WebSocketApi',
          '    Properties:',
          '      RouteSelectionExpression: $request.body.action',
          '      Routes:',
          '        $connect: {FunctionArn: !GetAtt Fn.Arn}',
          '        send: {FunctionArn: !GetAtt Fn.Arn}',
        ),
      );
      assert.deepEqual(generated(t), [
        'ChatConnectRoute AWS::ApiGatewayV2::Route by Chat ← $connect@8:9',
        'ChatConnectIntegration AWS::ApiGatewayV2::Integration by Chat ← $connect@8:9',
        'ChatConnectPermission AWS::Lambda::Permission by Chat ← $connect@8:9',
        'ChatSendRoute AWS::ApiGatewayV2::Route by Chat ← send@9:9',
        'ChatSendIntegration AWS::ApiGatewayV2::Integration by Chat ← send@9:9',
        'ChatSendPermission AWS::Lambda::Permission by Chat ← send@9:9',
        'ChatDefaultStage AWS::ApiGatewayV2::Stage by Chat ← Chat@3:3',
      ]);
    });
  });

  describe('other SAM resources', () => {
    it('records what SimpleTable, Application and LayerVersion become, keeping the written SAM type', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Table: {Type: AWS::Serverless::SimpleTable}',
          '  App: {Type: AWS::Serverless::Application, Properties: {Location: ./app.yaml}}',
          '  Libs: {Type: AWS::Serverless::LayerVersion, Properties: {ContentUri: libs/}}',
        ),
      );
      assert.equal(byId(t, 'Table').type, 'AWS::Serverless::SimpleTable');
      assert.deepEqual(byId(t, 'Table').deployedAs, { logicalId: 'Table', type: 'AWS::DynamoDB::Table' });
      assert.deepEqual(byId(t, 'App').deployedAs, { logicalId: 'App', type: 'AWS::CloudFormation::Stack' });
      assert.match(byId(t, 'Libs').deployedAs?.logicalId ?? '', /^Libs[0-9a-f]{10}$/);
      assert.deepEqual(
        deployedResources(t.resources).map((d) => d.type),
        ['AWS::DynamoDB::Table', 'AWS::CloudFormation::Stack', 'AWS::Lambda::LayerVersion'],
      );
      assert.equal(t.resources.filter((r) => r.origin === 'generated').length, 0);
    });

    it('names a layer exactly as SAM does, so the deployed ID can be looked up', () => {
      // From the SAM translator's tests (tests/translator/input/basic_layer.yaml → output: MinimalLayer0c7f96cce7).
      const t = load(
        yaml(
          ...HEADER,
          '  MinimalLayer:',
          '    Type: AWS::Serverless::LayerVersion',
          '    Properties:',
          '      ContentUri: s3://sam-demo-bucket/layer.zip',
        ),
      );
      assert.deepEqual(byId(t, 'MinimalLayer').deployedAs, {
        logicalId: 'MinimalLayer0c7f96cce7',
        type: 'AWS::Lambda::LayerVersion',
      });
    });

    it('gives a state machine its role, alias, version and event rules with the roles that start executions', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Flow:',
          '    Type: AWS::Serverless::StateMachine',
          '    Properties:',
          '      AutoPublishAlias: live',
          '      Events:',
          '        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}',
          '        Start: {Type: Api, Properties: {Path: /start, Method: post}}',
        ),
      );
      const lines = generated(t).map((l) => l.replace(/Deployment[0-9a-f]{10}/, 'Deployment#'));
      assert.deepEqual(lines, [
        'FlowRole AWS::IAM::Role by Flow ← Flow@3:3',
        'FlowVersion AWS::StepFunctions::StateMachineVersion by Flow ← live@6:25',
        'FlowAliaslive AWS::StepFunctions::StateMachineAlias by Flow ← live@6:25',
        'FlowNightly AWS::Events::Rule by Flow ← Nightly@8:9',
        'FlowNightlyRole AWS::IAM::Role by Flow ← Nightly@8:9',
        'FlowStartRole AWS::IAM::Role by Flow ← Start@9:9',
        'ServerlessRestApi AWS::ApiGateway::RestApi by Flow ← Start@9:9',
        'ServerlessRestApiDeployment# AWS::ApiGateway::Deployment by Flow ← Start@9:9',
        'ServerlessRestApiProdStage AWS::ApiGateway::Stage by Flow ← Start@9:9',
      ]);
    });

    it(
      'turns connectors into policies or resource policies by source and destination, and drops the connector ' +
        'itself',
      () => {
        const t = load(
          yaml(
            ...HEADER,
            '  Fn: {Type: AWS::Serverless::Function, Properties: {Handler: h, Runtime: nodejs22.x, CodeUri: src/}}',
            '  Table: {Type: AWS::Serverless::SimpleTable}',
            '  Topic: {Type: AWS::SNS::Topic}',
            '  Queue: {Type: AWS::SQS::Queue}',
            '  FnToTable:',
            '    Type: AWS::Serverless::Connector',
            '    Properties: {Source: {Id: Fn}, Destination: {Id: Table}, Permissions: [Read]}',
            '  TopicToBoth:',
            '    Type: AWS::Serverless::Connector',
            '    Properties: {Source: {Id: Topic}, Destination: [{Id: Fn}, {Id: Queue}], Permissions: [Write]}',
            '  Rule:',
            '    Type: AWS::Events::Rule',
            '    Connectors:',
            '      ToTopic: {Properties: {Destination: {Id: Topic}, Permissions: [Write]}}',
          ),
        );
        assert.deepEqual(
          generated(t).filter((l) => !l.startsWith('FnRole')),
          [
            'FnToTablePolicy AWS::IAM::ManagedPolicy by FnToTable ← FnToTable@7:3',
            'TopicToBothWriteLambdaPermissionDestination0 AWS::Lambda::Permission by TopicToBoth ← TopicToBoth@10:3',
            'TopicToBothQueuePolicyDestination1 AWS::SQS::QueuePolicy by TopicToBoth ← TopicToBoth@10:3',
            'RuleToTopicTopicPolicy AWS::SNS::TopicPolicy by Rule ← ToTopic@16:7',
          ],
        );
        assert.ok(
          !deployedResources(t.resources).some((d) => d.logicalId === 'FnToTable'),
          'a connector deploys nothing of its own',
        );
      },
    );

    it('expands a GraphQL API into schema, logging role, data sources, functions, resolvers and keys', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Gql:',
          '    Type: AWS::Serverless::GraphQLApi',
          '    Properties:',
          '      SchemaInline: "type Query { a: String }"',
          '      Auth: {Type: API_KEY}',
          '      DataSources:',
          '        DynamoDb:',
          '          Items: {TableName: t, TableArn: arn}',
          '      Functions:',
          '        GetItem: {DataSource: Items, Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, CodeUri: f.js}',
          '      Resolvers:',
          '        Query:',
          '          a: {Pipeline: [GetItem]}',
          '      ApiKeys:',
          '        Key: {}',
        ),
      );
      assert.deepEqual(
        t.resources.filter((r) => r.origin === 'generated').map((r) => `${r.logicalId} ${r.type}`),
        [
          'GqlSchema AWS::AppSync::GraphQLSchema',
          'GqlCloudWatchRole AWS::IAM::Role',
          'GqlItemsDynamoDBDataSource AWS::AppSync::DataSource',
          'GqlItemsDynamoDBDataSourceRole AWS::IAM::Role',
          'GqlItemsDynamoDBDataSourceToTableConnectorPolicy AWS::IAM::ManagedPolicy',
          'GqlGetItem AWS::AppSync::FunctionConfiguration',
          'GqlQuerya AWS::AppSync::Resolver',
          'GqlKey AWS::AppSync::ApiKey',
        ],
      );
    });

    it('gives a capacity provider an operator role unless one is given', () => {
      const t = load(
        yaml(
          ...HEADER,
          '  Capacity: {Type: AWS::Serverless::CapacityProvider, Properties: {VpcConfig: {SubnetIds: [s]}}}',
          '  Given: {Type: AWS::Serverless::CapacityProvider, Properties: {OperatorRole: arn}}',
        ),
      );
      assert.deepEqual(generated(t), ['CapacityOperatorRole AWS::IAM::Role by Capacity ← Capacity@3:3']);
    });
  });

  it('lets the implicit API replace a written resource with its logical ID, as SAM does', () => {
    const t = load(
      yaml(
        ...HEADER,
        '  Fn: {Type: AWS::Serverless::Function, Properties: {Role: r, Events: {E: {Type: Api, Properties: ' +
          '{Path: /, Method: get}}}}}',
        '  ServerlessRestApi: {Type: AWS::Serverless::Function, Properties: {Handler: h, Runtime: nodejs22.x}}',
      ),
    );
    assert.deepEqual(byId(t, 'ServerlessRestApi').deployedAs, {
      logicalId: 'ServerlessRestApi',
      type: 'AWS::ApiGateway::RestApi',
    });
    assert.ok(!t.resourceById.has('ServerlessRestApiRole'), 'the replaced function takes its role with it');
    assert.deepEqual(
      deployedResources(t.resources)
        .filter((d) => d.logicalId === 'ServerlessRestApi')
        .map((d) => d.type),
      ['AWS::ApiGateway::RestApi'],
    );
  });

  it('treats a template with SAM resources as SAM even without the Transform line', () => {
    const t = load(
      yaml(
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Resources:',
        '  Fn: {Type: AWS::Serverless::Function, Properties: {Handler: h, Runtime: nodejs22.x}}',
      ),
    );
    assert.equal(t.kind, 'sam');
    assert.ok(t.resourceById.has('FnRole'));
  });

  it('generates shared resources once and never over a written logical ID', () => {
    const t = load(
      yaml(
        ...HEADER,
        '  A: {Type: AWS::Serverless::Function, Properties: {Role: r, Events: {E: {Type: Api, Properties: {Path: ' +
          '/a, Method: get}}}}}',
        '  B: {Type: AWS::Serverless::Function, Properties: {Role: r, Events: {E: {Type: Api, Properties: {Path: ' +
          '/b, Method: get}}}}}',
        '  ARole: {Type: AWS::IAM::Role}',
      ),
    );
    const ids = t.resources.map((r) => r.logicalId);
    assert.equal(ids.filter((id) => id === 'ServerlessRestApi').length, 1);
    assert.equal(byId(t, 'ServerlessRestApi').generatedBy?.logicalId, 'A');
    assert.equal(new Set(ids).size, ids.length, 'logical IDs are unique');
  });
});

/** SAM's LogicalIdGenerator suffix, computed independently of the model. */
function sha10(data: string): string {
  return createHash('sha1').update(data).digest('hex').slice(0, 10);
}
