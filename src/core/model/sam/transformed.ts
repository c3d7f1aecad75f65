import type { Resource } from '../template';
import { layerLogicalId } from './layer';

/** The CloudFormation type each SAM resource type becomes under the same logical ID. */
const TRANSFORMED_TYPE: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
  'AWS::Serverless::CapacityProvider': 'AWS::Lambda::CapacityProvider',
};

/**
 * What a written SAM resource itself becomes: the same logical ID with a CloudFormation type, except a
 * layer, which SAM renames `<Layer><hash>` so that every change publishes a new layer version. A
 * Connector becomes nothing of its own (only the policies and permissions it generates).
 */
export function deployedAs(resource: Resource, parameterValues: ReadonlyMap<string, unknown>): Resource['deployedAs'] {
  const type = TRANSFORMED_TYPE[resource.type];
  if (!type) return undefined;
  const logicalId =
    resource.type === 'AWS::Serverless::LayerVersion' ? layerLogicalId(resource, parameterValues) : resource.logicalId;
  return { logicalId, type };
}

/** The CloudFormation type a resource deploys as: its SAM transform's type, or its own. */
export function deployedType(resource: Pick<Resource, 'type'>): string {
  return TRANSFORMED_TYPE[resource.type] ?? resource.type;
}

export function isSamType(type: string): boolean {
  return type.startsWith('AWS::Serverless::');
}

/** The resources of the deployed template: written ones as SAM transforms them, then the generated ones. */
export function deployedResources(
  resources: readonly Resource[],
): { logicalId: string; type: string; resource: Resource }[] {
  const out: { logicalId: string; type: string; resource: Resource }[] = [];
  for (const resource of resources) {
    if (resource.deployedAs) out.push({ ...resource.deployedAs, resource });
    else if (resource.origin === 'generated' || !isSamType(resource.type))
      out.push({ logicalId: resource.logicalId, type: resource.type, resource });
  }
  return out;
}
