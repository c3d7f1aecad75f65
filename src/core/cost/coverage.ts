/**
 * Which resources cost nothing by themselves and why the others we cannot price are left out. A type that gets a cost
 * kind (kinds.ts) is priced before this is asked, so adding a service moves its resources from "not priced" to priced.
 */

/**
 * Configuration that AWS does not bill for: identity and access (IAM is free, aws.amazon.com/iam/faqs), wiring between
 * billed resources (permissions, policies, subscriptions, event source mappings, routes, integrations, stages),
 * VPC plumbing (VPCs, subnets, route tables and security groups are free, aws.amazon.com/vpc/pricing), and stack
 * machinery. Their traffic is priced on the resources they connect.
 */
const FREE_TYPES: ReadonlySet<string> = new Set([
  'AWS::ApiGateway::Account',
  'AWS::ApiGateway::ApiKey',
  'AWS::ApiGateway::Authorizer',
  'AWS::ApiGateway::BasePathMapping',
  'AWS::ApiGateway::BasePathMappingV2',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::DocumentationPart',
  'AWS::ApiGateway::DocumentationVersion',
  'AWS::ApiGateway::DomainName',
  'AWS::ApiGateway::GatewayResponse',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Model',
  'AWS::ApiGateway::RequestValidator',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Stage',
  'AWS::ApiGateway::UsagePlan',
  'AWS::ApiGateway::UsagePlanKey',
  'AWS::ApiGatewayV2::ApiMapping',
  'AWS::ApiGatewayV2::Authorizer',
  'AWS::ApiGatewayV2::Deployment',
  'AWS::ApiGatewayV2::DomainName',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::IntegrationResponse',
  'AWS::ApiGatewayV2::Model',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::RouteResponse',
  'AWS::ApiGatewayV2::Stage',
  'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
  'AWS::AppSync::ApiKey',
  'AWS::AppSync::DataSource',
  'AWS::AppSync::FunctionConfiguration',
  'AWS::AppSync::GraphQLSchema',
  'AWS::AppSync::Resolver',
  'AWS::CloudFormation::CustomResource',
  'AWS::CloudFormation::Macro',
  'AWS::CloudFormation::WaitCondition',
  'AWS::CloudFormation::WaitConditionHandle',
  'AWS::CodeDeploy::Application',
  'AWS::CodeDeploy::DeploymentConfig',
  'AWS::CodeDeploy::DeploymentGroup',
  'AWS::Cognito::IdentityPoolRoleAttachment',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolDomain',
  'AWS::Cognito::UserPoolGroup',
  'AWS::Cognito::UserPoolResourceServer',
  'AWS::EC2::DHCPOptions',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::KeyPair',
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::Route',
  'AWS::EC2::RouteTable',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::Subnet',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::VPC',
  'AWS::EC2::VPCDHCPOptionsAssociation',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::Events::Rule',
  'AWS::Lambda::Alias',
  'AWS::Lambda::CodeSigningConfig',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::LayerVersion',
  'AWS::Lambda::LayerVersionPermission',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Logs::MetricFilter',
  'AWS::Logs::ResourcePolicy',
  'AWS::Logs::SubscriptionFilter',
  'AWS::S3::BucketPolicy',
  'AWS::Serverless::Connector',
  'AWS::Serverless::LayerVersion',
  'AWS::SNS::Subscription',
  'AWS::SNS::TopicPolicy',
  'AWS::SNS::TopicInlinePolicy',
  'AWS::SQS::QueueInlinePolicy',
  'AWS::SQS::QueuePolicy',
]);

/** Namespaces that AWS does not bill for at all. */
const FREE_NAMESPACES = ['AWS::IAM::'];

/** Nested stacks: their resources are in another template, priced when that template is estimated. */
const NESTED_TYPES: ReadonlySet<string> = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);

/**
 * Why a resource of a type without a cost kind is not priced, or undefined when it costs nothing by itself. Custom
 * resources cost what their function costs, which is priced on the function.
 */
export function notPricedReason(type: string): string | undefined {
  if (FREE_TYPES.has(type) || FREE_NAMESPACES.some((n) => type.startsWith(n))) return undefined;
  if (type.startsWith('Custom::')) return undefined;
  if (NESTED_TYPES.has(type)) return 'a nested stack: estimate its own template for the cost of its resources';
  return `Serverless Workbench has no prices for ${type} yet`;
}
