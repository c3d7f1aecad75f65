/**
 * Properties that `aws cloudformation package` and `sam package`/`sam deploy` rewrite from a local path to an S3
 * location before CloudFormation sees the template
 * (https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html). A path written there is what such
 * a template is meant to hold, even where the resource type wants a map.
 */
const PACKAGED: Readonly<Record<string, readonly string[]>> = {
  'AWS::ApiGateway::RestApi': ['BodyS3Location'],
  'AWS::Lambda::Function': ['Code'],
  'AWS::Lambda::LayerVersion': ['Content'],
  'AWS::AppSync::GraphQLSchema': ['DefinitionS3Location'],
  'AWS::AppSync::Resolver': ['RequestMappingTemplateS3Location', 'ResponseMappingTemplateS3Location'],
  'AWS::AppSync::FunctionConfiguration': ['RequestMappingTemplateS3Location', 'ResponseMappingTemplateS3Location'],
  'AWS::ElasticBeanstalk::ApplicationVersion': ['SourceBundle'],
  'AWS::CloudFormation::Stack': ['TemplateURL'],
  'AWS::Glue::Job': ['Command.ScriptLocation'],
  'AWS::StepFunctions::StateMachine': ['DefinitionS3Location'],
  'AWS::CodeCommit::Repository': ['Code.S3'],
  'AWS::Serverless::Function': ['CodeUri'],
  'AWS::Serverless::LayerVersion': ['ContentUri'],
  'AWS::Serverless::Api': ['DefinitionUri'],
  'AWS::Serverless::HttpApi': ['DefinitionUri'],
  'AWS::Serverless::StateMachine': ['DefinitionUri'],
  'AWS::Serverless::GraphQLApi': ['SchemaUri', 'CodeUri'],
  'AWS::Serverless::Application': ['Location'],
};

/** Whether `path` (below `Properties`) of a resource of this type may be a local path that packaging uploads. */
export function isPackagedPath(resourceType: string, path: readonly string[]): boolean {
  const paths = PACKAGED[resourceType];
  return paths !== undefined && path[0] === 'Properties' && paths.includes(path.slice(1).join('.'));
}
