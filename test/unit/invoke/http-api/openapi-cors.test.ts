import { strict as assert } from 'assert';
import * as path from 'path';
import { LocalHttpApi, LocalInvoker } from '../../../../src/core/invoke';
import { workspace } from '../fixtures';
import { tableOf } from './fixture';

/** The response's CORS headers (and any `x-request`), sorted by name as `Headers` iterates them. */
function corsHeaders(res: Response): [string, string][] {
  const out: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (name.startsWith('access-control-') || name === 'x-request') out.push([name, value]);
  });
  return out.sort(([a], [b]) => a.localeCompare(b));
}

const HANDLER = "exports.handler = async (e) => ({ statusCode: 200, body: 'ok ' + e.rawPath });\n";

/** An HTTP API whose CORS is written in its OpenAPI definition, a plain CloudFormation one, a REST mock preflight. */
const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs22.x, CodeUri: src/, Handler: app.handler}
  Spec:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionBody:
        openapi: '3.0.1'
        info: {title: spec, version: '1'}
        x-amazon-apigateway-cors:
          allowOrigins: ['https://www.example.com']
          allowCredentials: true
          exposeHeaders: [x-amz-date, content-type]
          maxAge: 3600
          allowMethods: [GET, OPTIONS, POST]
          allowHeaders: [x-apigateway-header, content-type]
        paths:
          /spec/{id}:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                payloadFormatVersion: '2.0'
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
`;

const PLAIN = `
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs22.x, CodeUri: src/, Handler: app.handler}
  Plain:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: plain
      ProtocolType: HTTP
      CorsConfiguration:
        AllowOrigins: ['*']
        AllowMethods: ['*']
        AllowHeaders: ['*']
  PlainStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: {ApiId: !Ref Plain, StageName: live, AutoDeploy: true}
  PlainIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Plain
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Fn.Arn
      PayloadFormatVersion: '2.0'
  PlainRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Plain
      RouteKey: GET /plain/{id}
      Target: !Join [/, [integrations, !Ref PlainIntegration]]
  Rest:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      DefinitionBody:
        swagger: '2.0'
        info: {title: rest, version: '1'}
        paths:
          /orders:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
            options:
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses:
                  default:
                    statusCode: '200'
                    responseParameters:
                      method.response.header.Access-Control-Allow-Origin: "'https://shop.example.com'"
                      method.response.header.Access-Control-Allow-Methods: "'GET,OPTIONS'"
                      method.response.header.Access-Control-Allow-Headers: "'Content-Type,X-Api-Key'"
                      method.response.header.X-Request: integration.response.header.x-request
                    responseTemplates: {application/json: '{}'}
`;

describe('local HTTP API: CORS written in OpenAPI and on a plain CloudFormation HTTP API', function () {
  this.timeout(60000);
  const ws = workspace({ 'spec.yaml': TEMPLATE, 'plain.yaml': PLAIN, 'src/app.js': HANDLER });
  const invoker = new LocalInvoker();
  const started: LocalHttpApi[] = [];
  const serve = async (file: string) => {
    const api = new LocalHttpApi({ invoker, templatePath: path.join(ws.dir, file), port: 0 });
    started.push(api);
    return (await api.start()).url;
  };
  after(async () => {
    await Promise.all(started.map((api) => api.close()));
    await invoker.dispose();
    ws.cleanup();
  });

  it("reads x-amazon-apigateway-cors of an HttpApi's DefinitionBody into the API's CORS policy", () => {
    const table = tableOf(TEMPLATE, path.join(ws.dir, 'spec.yaml'));
    assert.deepEqual(table.routes[0].api.cors, {
      allowOrigins: ['https://www.example.com'],
      allowMethods: ['GET', 'OPTIONS', 'POST'],
      allowHeaders: ['x-apigateway-header', 'content-type'],
      exposeHeaders: ['x-amz-date', 'content-type'],
      maxAgeSeconds: 3600,
      allowCredentials: true,
    });
  });

  it('lets a written CorsConfiguration replace the definition’s, as the SAM translator does', () => {
    const text = TEMPLATE.replace(
      '      DefinitionBody:',
      "      CorsConfiguration: {AllowOrigins: ['https://local.com']}\n      DefinitionBody:",
    );
    const cors = tableOf(text, path.join(ws.dir, 'spec.yaml')).routes[0].api.cors!;
    assert.deepEqual(
      [cors.allowOrigins, cors.allowMethods, cors.maxAgeSeconds],
      [['https://local.com'], [], undefined],
    );
  });

  it('answers the preflight itself (204) and adds the headers only to responses for an allowed origin', async () => {
    const url = await serve('spec.yaml');
    const preflight = await fetch(`${url}/spec/1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.deepEqual(corsHeaders(preflight), [
      ['access-control-allow-credentials', 'true'],
      ['access-control-allow-headers', 'x-apigateway-header,content-type'],
      ['access-control-allow-methods', 'GET,OPTIONS,POST'],
      ['access-control-allow-origin', 'https://www.example.com'],
      ['access-control-max-age', '3600'],
    ]);
    const allowed = await fetch(`${url}/spec/1`, { headers: { Origin: 'https://www.example.com' } });
    assert.equal(await allowed.text(), 'ok /spec/1');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.example.com');
    assert.equal(allowed.headers.get('access-control-expose-headers'), 'x-amz-date,content-type');
    const other = await fetch(`${url}/spec/1`, { headers: { Origin: 'https://other.example.com' } });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const refused = await fetch(`${url}/spec/1`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://other.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    assert.deepEqual([refused.status, refused.headers.get('access-control-allow-origin')], [204, null]);
  });

  it('serves a plain AWS::ApiGatewayV2::Api: its Route and Integration resources, stage and CORS', async () => {
    const table = tableOf(PLAIN, path.join(ws.dir, 'plain.yaml'));
    const plain = table.routes.find((r) => r.api.id === 'Plain')!;
    assert.deepEqual(
      [plain.method, plain.path, plain.functionId, plain.payloadFormat, plain.api.stage, plain.declaredBy],
      ['GET', '/plain/{id}', 'Fn', '2.0', 'live', 'route PlainRoute of Plain'],
    );
    const url = await serve('plain.yaml');
    const res = await fetch(`${url}/plain/9`, { headers: { Origin: 'https://anywhere.example.com' } });
    assert.deepEqual([res.status, await res.text()], [200, 'ok /plain/9']);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const preflight = await fetch(`${url}/plain/9`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://anywhere.example.com',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'x-one,x-two',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'DELETE');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'x-one,x-two');
  });

  it('answers a REST OPTIONS mock integration with its literal response headers, without the function', async () => {
    const table = tableOf(PLAIN, path.join(ws.dir, 'plain.yaml'));
    assert.deepEqual(table.notes, [
      'OPTIONS /orders in the definition of Rest is a mock whose X-Request API Gateway computes; left out.',
    ]);
    const url = await serve('plain.yaml');
    const res = await fetch(`${url}/orders`, { method: 'OPTIONS' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{}');
    assert.deepEqual(corsHeaders(res), [
      ['access-control-allow-headers', 'Content-Type,X-Api-Key'],
      ['access-control-allow-methods', 'GET,OPTIONS'],
      ['access-control-allow-origin', 'https://shop.example.com'],
    ]);
    assert.equal(await (await fetch(`${url}/orders`)).status, 200);
  });
});
