import { createHash } from 'crypto';
import type * as http from 'http';
import { FakeServer, type FakeReply } from './server';

const ACCOUNT = '123456789012';

export interface FakeFunction {
  codeSha256: string;
  codeSize: number;
  code?: Buffer;
  lastUpdateStatus: 'Successful' | 'InProgress' | 'Failed';
  /** GetFunction calls left before an update in progress reports Successful. */
  pendingChecks: number;
}

/**
 * Lambda over REST-JSON (API version 2015-03-31) with GetFunction, GetFunctionConfiguration and UpdateFunctionCode,
 * answering in the shapes of the API Reference (https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html): an update reports
 * `LastUpdateStatus: InProgress` until `checksUntilUpdated` GetFunction calls later, as the function's state
 * machine does (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
 */
export class FakeLambda {
  readonly functions = new Map<string, FakeFunction>();
  checksUntilUpdated = 1;
  region = 'us-east-1';
  readonly server = new FakeServer(operationOf, (req, body, operation) => this.handle(req, body, operation));

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  addFunction(name: string, code: Buffer): void {
    this.functions.set(name, { ...codeFacts(code), code, lastUpdateStatus: 'Successful', pendingChecks: 0 });
  }

  private handle(req: http.IncomingMessage, body: Buffer, operation: string): FakeReply {
    const name = decodeURIComponent((req.url ?? '').split('/')[3] ?? '');
    const fn = this.functions.get(name);
    if (!fn)
      return json(404, { Type: 'User', message: `Function not found: ${this.arn(name)}` }, 'ResourceNotFoundException');
    switch (operation) {
      case 'GetFunction':
        if (fn.lastUpdateStatus === 'InProgress' && fn.pendingChecks-- <= 0) fn.lastUpdateStatus = 'Successful';
        return json(200, {
          Configuration: this.configuration(name, fn),
          Code: {
            RepositoryType: 'S3',
            Location: `https://awslambda-${this.region}-tasks.s3.amazonaws.com/snapshots/${name}`,
          },
        });
      case 'GetFunctionConfiguration':
        return json(200, this.configuration(name, fn));
      case 'UpdateFunctionCode': {
        const request = JSON.parse(body.toString('utf8')) as { ZipFile?: string };
        if (!request.ZipFile)
          return json(
            400,
            { Type: 'User', message: 'ZipFile is required by this test server' },
            'InvalidParameterValueException',
          );
        const code = Buffer.from(request.ZipFile, 'base64');
        Object.assign(fn, codeFacts(code), {
          code,
          lastUpdateStatus: 'InProgress',
          pendingChecks: this.checksUntilUpdated,
        });
        return json(200, this.configuration(name, fn));
      }
      default:
        return json(
          400,
          { Type: 'User', message: `${operation} is not implemented by this test server` },
          'InvalidRequestContentException',
        );
    }
  }

  private arn(name: string): string {
    return `arn:aws:lambda:${this.region}:${ACCOUNT}:function:${name}`;
  }

  private configuration(name: string, fn: FakeFunction) {
    return {
      FunctionName: name,
      FunctionArn: this.arn(name),
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      CodeSize: fn.codeSize,
      CodeSha256: fn.codeSha256,
      State: 'Active',
      LastUpdateStatus: fn.lastUpdateStatus,
      ...(fn.lastUpdateStatus === 'InProgress' ? { LastUpdateStatusReasonCode: 'Creating' } : {}),
      PackageType: 'Zip',
    };
  }
}

function codeFacts(code: Buffer): { codeSha256: string; codeSize: number } {
  return { codeSha256: createHash('sha256').update(code).digest('base64'), codeSize: code.length };
}

function operationOf(req: http.IncomingMessage): string {
  const parts = (req.url ?? '').split('?')[0].split('/');
  if (req.method === 'PUT' && parts[4] === 'code') return 'UpdateFunctionCode';
  if (req.method === 'GET' && parts[4] === 'configuration') return 'GetFunctionConfiguration';
  if (req.method === 'GET' && parts.length === 4) return 'GetFunction';
  return `${req.method} ${parts.slice(2).join('/')}`;
}

/** REST-JSON errors carry their code in `x-amzn-ErrorType` (Lambda API Reference, Common Errors). */
function json(status: number, body: unknown, errorType?: string): FakeReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}) },
    body: JSON.stringify(body),
  };
}
