import * as path from 'path';
import { loadTemplateFile, readBoundedFile } from '../../../src/core/load';
import type { StackSetup } from '../../fakes/aws';

export const EXAMPLES = path.resolve(__dirname, '../../../examples');
export const SAM_APP = path.join(EXAMPLES, 'sam-app', 'template.yaml');
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export function loadExample(file: string) {
  const loaded = loadTemplateFile(file, { readFile: readBoundedFile });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded;
}

/**
 * The examples' SAM app as a stack mid-update: most resources there, one failed, one in progress, one missing, and
 * a topic since removed from the template.
 */
export function ordersStack(): StackSetup {
  return {
    name: 'orders-service',
    id: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/orders-service/1c2fa620-98a6-11f0-8f50-0affd1b2c3d4`,
    status: 'UPDATE_IN_PROGRESS',
    outputs: [
      {
        key: 'OrdersApiUrl',
        value: `https://abc123.execute-api.${REGION}.amazonaws.com/Prod/orders`,
        description: 'Orders API',
      },
      { key: 'QueueName', value: 'orders-service-OrdersQueue-x1' },
    ],
    resources: [
      {
        logicalId: 'CreateOrderFunction',
        type: 'AWS::Lambda::Function',
        status: 'CREATE_COMPLETE',
        physicalId: 'orders-service-CreateOrderFunction-AbC123',
      },
      {
        logicalId: 'CreateOrderFunctionRole',
        type: 'AWS::IAM::Role',
        status: 'CREATE_COMPLETE',
        physicalId: 'orders-service-CreateOrderFunctionRole-Q1',
      },
      {
        logicalId: 'ProcessOrderFunction',
        type: 'AWS::Lambda::Function',
        status: 'UPDATE_FAILED',
        physicalId: 'orders-service-ProcessOrderFunction-Zz9',
        reason: 'Resource handler returned message: "Runtime nodejs12.x is not supported"',
      },
      {
        logicalId: 'OrdersTable',
        type: 'AWS::DynamoDB::Table',
        status: 'UPDATE_IN_PROGRESS',
        physicalId: 'orders-service-OrdersTable-7Y',
      },
      {
        logicalId: 'OrdersQueue',
        type: 'AWS::SQS::Queue',
        status: 'CREATE_COMPLETE',
        physicalId: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/orders-service-OrdersQueue-x1`,
      },
      {
        logicalId: 'ServerlessRestApi',
        type: 'AWS::ApiGateway::RestApi',
        status: 'CREATE_COMPLETE',
        physicalId: 'abc123',
      },
      {
        logicalId: 'LegacyTopic',
        type: 'AWS::SNS::Topic',
        status: 'CREATE_COMPLETE',
        physicalId: `arn:aws:sns:${REGION}:${ACCOUNT}:orders-service-LegacyTopic-K2`,
      },
      {
        logicalId: 'ServerlessRestApiDeployment47fc2d5f9d',
        type: 'AWS::ApiGateway::Deployment',
        status: 'CREATE_COMPLETE',
        physicalId: 'dep1',
      },
    ],
  };
}
