import { createHash } from 'crypto';
import type * as http from 'http';
import { FakeServer, requestId, xmlEscape, type FakeReply } from './server';

/**
 * A minimal S3 REST server (path-style addressing) for the operations deploy uses: CreateBucket, HeadBucket,
 * PutObject, HeadObject and GetObject, answering as the S3 API Reference documents
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html, .../API_HeadObject.html,
 * .../API_CreateBucket.html, .../API_HeadBucket.html; errors: .../API/ErrorResponses.html). S3 servers on npm
 * (s3rver) are unmaintained since 2021 and predate the SDK's default CRC32 checksums, so this one is ours.
 */
export class FakeS3 {
  readonly buckets = new Map<string, { region: string; objects: Map<string, Buffer> }>();
  readonly server = new FakeServer(operationOf, (req, body, operation) => this.handle(req, body, operation));

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  object(bucket: string, key: string): Buffer | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  private handle(req: http.IncomingMessage, body: Buffer, operation: string): FakeReply {
    const [bucketName, key] = split(req.url ?? '/');
    const bucket = this.buckets.get(bucketName);
    switch (operation) {
      case 'CreateBucket': {
        if (bucket)
          return error(
            409,
            'BucketAlreadyOwnedByYou',
            'Your previous request to create the named bucket succeeded and you already own it.',
          );
        const region = /<LocationConstraint>([^<]+)</.exec(body.toString())?.[1] ?? 'us-east-1';
        this.buckets.set(bucketName, { region, objects: new Map() });
        return { status: 200, headers: { Location: `/${bucketName}`, 'x-amz-request-id': requestId() } };
      }
      case 'HeadBucket':
        return bucket ? { status: 200, headers: { 'x-amz-bucket-region': bucket.region } } : { status: 404 };
      case 'PutObject': {
        if (!bucket) return error(404, 'NoSuchBucket', 'The specified bucket does not exist');
        const content = decodeChunked(req, body);
        bucket.objects.set(key, content);
        return { status: 200, headers: { ETag: `"${md5(content)}"`, 'x-amz-request-id': requestId() } };
      }
      case 'HeadObject':
      case 'GetObject': {
        const found = bucket?.objects.get(key);
        if (!found)
          return operation === 'HeadObject'
            ? { status: 404 }
            : error(404, 'NoSuchKey', 'The specified key does not exist.');
        const headers = { 'Content-Length': String(found.length), ETag: `"${md5(found)}"` };
        return { status: 200, headers, body: operation === 'GetObject' ? found : undefined };
      }
      default:
        return error(501, 'NotImplemented', `${operation} is not implemented by this test server.`);
    }
  }
}

function operationOf(req: http.IncomingMessage): string {
  const [bucket, key] = split(req.url ?? '/');
  const method = req.method ?? 'GET';
  if (!key) return method === 'PUT' ? 'CreateBucket' : method === 'HEAD' ? 'HeadBucket' : `${method}Bucket`;
  if (!bucket) return 'ListBuckets';
  return ({ PUT: 'PutObject', HEAD: 'HeadObject', GET: 'GetObject' } as Record<string, string>)[method] ?? method;
}

function split(url: string): [string, string] {
  const pathname = decodeURIComponent(url.split('?')[0]).replace(/^\//, '');
  const slash = pathname.indexOf('/');
  return slash < 0 ? [pathname, ''] : [pathname.slice(0, slash), pathname.slice(slash + 1)];
}

/**
 * Bodies sent with `Content-Encoding: aws-chunked` (streams with trailing checksums) are framed in chunks of
 * `<hex size>[;chunk-signature=...]\r\n<data>\r\n` ending in a zero-size chunk and trailers
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html).
 */
function decodeChunked(req: http.IncomingMessage, body: Buffer): Buffer {
  if (!/aws-chunked/.test(String(req.headers['content-encoding'] ?? ''))) return body;
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    const size = parseInt(body.subarray(offset, lineEnd).toString().split(';')[0], 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

function error(status: number, code: string, message: string): FakeReply {
  return {
    status,
    headers: { 'Content-Type': 'application/xml' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
      `<RequestId>${requestId()}</RequestId></Error>`,
  };
}
