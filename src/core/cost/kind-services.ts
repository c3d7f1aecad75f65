import type { CostKind } from './kinds';
import type { ServiceKey } from './prices';

/**
 * The price sheets a kind's line items read, so that a line priced in a Region without figures of its own for that
 * service can say whose price it assumed.
 */
export const SERVICES_OF_KIND: Readonly<Record<CostKind, readonly ServiceKey[]>> = {
  function: ['lambda', 'logs', 'nat'],
  restApi: ['apiGateway', 'dataTransfer'],
  httpApi: ['apiGateway', 'dataTransfer'],
  websocketApi: ['apiGateway', 'dataTransfer'],
  table: ['dynamodb'],
  queue: ['sqs'],
  topic: ['sns'],
  eventBus: ['eventBridge'],
  stateMachine: ['stepFunctions'],
  bucket: ['s3'],
  natGateway: ['nat'],
  stream: ['kinesis'],
  logGroup: ['logs'],
  provisionedConcurrency: ['lambda'],
  kmsKey: ['kms'],
  secret: ['secretsManager'],
  graphqlApi: ['appSync'],
  userPool: ['cognito'],
  apiStage: ['apiGateway'],
  functionUrl: ['dataTransfer'],
};
